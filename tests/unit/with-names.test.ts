import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { nameSlot, WithNames } from "~/components/translated";
import { createI18n } from "~/i18n/i18n";

// A sentence of ours with the PB office's names in it: each name marked with its language when it is not the page's.
describe("names in a sentence", () => {
  const render = (template: string, names: { name: string; writtenIn: string | null }[]) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n("es", {}) }, createElement(WithNames, { template, names })));

  it("marks a name as written in another language, and leaves a translated one unmarked, wherever the sentence puts them", () => {
    const names = [{ name: "Citywide", writtenIn: "en" }, { name: "Parques", writtenIn: null }];
    // A language that names the category first still gets each name in its own place.
    expect(render(`Categoría ${nameSlot(1)}, distrito ${nameSlot(0)}.`, names)).toBe('Categoría Parques, distrito <span lang="en">Citywide</span>.');
    expect(render(`Distrito ${nameSlot(0)}`, [{ name: "Norte", writtenIn: "es" }])).toBe("Distrito Norte"); // the page's own language
  });
});
