import { parse } from "@conform-to/react";
import { useLocation, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";

// What a person types in a long form is kept in this browser tab (sessionStorage: gone when the tab
// closes) until the form is saved. A refusal that replaces the page (the sign-in ended in another
// tab, ideas closed meanwhile), a lost connection or a server restarting then loses nothing: opening
// the form again puts the text back, and says so. Hidden fields, passwords and files are never kept.

const PREFIX = "civic-budget:draft:";
const KEEP_MS = 12 * 3600_000;

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
interface Kept {
  at: number;
  fields: [string, string][];
}

function keptFields(form: HTMLFormElement): Field[] {
  return Array.from(form.elements).filter(
    (el): el is Field =>
      (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) &&
      !!el.name &&
      !(el instanceof HTMLInputElement && ["hidden", "password", "file", "submit", "button"].includes(el.type)),
  );
}

function fieldsOf(form: HTMLFormElement): [string, string][] {
  return keptFields(form)
    .filter((el) => !(el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) || el.checked)
    .map((el): [string, string] => [el.name, el.value]);
}

function sameFields(form: HTMLFormElement, kept: [string, string][]): boolean {
  return JSON.stringify(fieldsOf(form)) === JSON.stringify(kept);
}

function write(key: string, form: HTMLFormElement) {
  const fields = fieldsOf(form);
  try {
    sessionStorage.setItem(key, JSON.stringify({ at: Date.now(), fields } satisfies Kept));
  } catch {
    // Storage full or refused (a private window): the form works as before.
  }
}

function read(key: string): Kept | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(key) ?? "null") as Kept | null;
    return kept && Date.now() - kept.at < KEEP_MS && Array.isArray(kept.fields) ? kept : null;
  } catch {
    return null;
  }
}

/** Puts kept values back into the form's fields; true when anything changed. */
function fill(form: HTMLFormElement, fields: [string, string][]): boolean {
  const byName = new Map<string, string[]>();
  for (const [name, value] of fields) byName.set(name, [...(byName.get(name) ?? []), value]);
  let changed = false;
  for (const el of keptFields(form)) {
    const values = byName.get(el.name);
    if (!values) continue;
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      const on = values.includes(el.value);
      if (el.checked === on) continue;
      el.checked = on;
    } else {
      const value = values.shift() ?? "";
      if (el.value === value || value === "") continue;
      el.value = value;
    }
    changed = true;
    // So the form's own state (Conform) follows, as if typed.
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  }
  return changed;
}

/**
 * The start of the keys of this person's drafts on this page: the address is in the key, so an error page
 * there can show what was typed; the person too, so nobody else at a shared computer is shown it.
 */
function useDraftsHere() {
  const actor = (useRouteLoaderData("root") as { actor?: { id: string } | null } | undefined)?.actor;
  return `${PREFIX}${actor?.id ?? "visitor"}:${useLocation().pathname}:`;
}

/** Signing out forgets every draft of this tab (a shared computer). */
export function forgetAllDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // nothing kept
  }
}

/**
 * Keeps the form's fields as they are typed, puts them back when the form is opened again unsent,
 * and forgets them once the form is saved: the page moved on to another address (not to sign in).
 * `saved()` is for forms that stay on their page (a comment posted in place).
 * `formKey` is the form's React key when saving remounts it (a new element to listen to).
 */
export function useKeptDraft(
  formRef: RefObject<HTMLFormElement | null>,
  name: string,
  { formKey, restore }: { formKey?: string | number; restore?: (fields: [string, string][]) => void } = {},
) {
  const { pathname } = useLocation();
  const key = `${useDraftsHere()}${name}`;
  const [restored, setRestored] = useState(false);
  const navigation = useNavigation();

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const kept = read(key);
    if (kept && restore) {
      // A form with lists (line items, districts) first needs its rows: its own state puts them back.
      if (!sameFields(form, kept.fields)) {
        restore(kept.fields);
        setRestored(true);
      }
    } else if (kept && fill(form, kept.fields)) setRestored(true);
    const keep = () => write(key, form);
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
    return () => {
      form.removeEventListener("input", keep);
      form.removeEventListener("change", keep);
    };
    // restore is a new function at every render: the form's identity (key, formKey) decides.
  }, [formRef, key, formKey]);

  useEffect(() => {
    const form = formRef.current;
    if (navigation.state !== "loading" || !navigation.formAction || !form) return;
    const sentTo = new URL(navigation.formAction, window.location.href);
    // Several forms may post to one address (a project's update, spending and milestones): the form sent
    // was this one only if its intent is one of this form's.
    const intents = [...form.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[name="intent"]')].map((e) => e.value);
    const sentIntent = navigation.formData?.get("intent");
    const ours = typeof sentIntent === "string" ? intents.includes(sentIntent) : intents.length === 0;
    const sentHere = ours && sentTo.pathname === new URL(form.action, window.location.href).pathname;
    // Saved: the answer is another page, or a redirect back to this one (?posted=1, ?saved=es; the
    // router marks the redirect it follows after a form). A refusal answers in place; sign-in is not saving.
    const { pathname: to, state } = navigation.location;
    const redirected = (state as { _isRedirect?: boolean } | null)?._isRedirect === true;
    const movedOn = to !== "/login" && (to !== pathname || redirected);
    if (sentHere && movedOn) sessionStorage.removeItem(key);
  }, [navigation, pathname, formRef, key]);

  return {
    restored,
    saved: () => sessionStorage.removeItem(key),
    discard: () => {
      sessionStorage.removeItem(key);
      formRef.current?.reset();
      setRestored(false);
    },
  };
}

/** Kept fields as a Conform form value (lists as arrays), for `restore`: form.update({ value: keptValue(fields) }). */
export function keptValue<Value>(fields: [string, string][]): Value {
  return parse(new URLSearchParams(fields), { resolve: () => ({}) }).payload as Value;
}

/** Says that the form holds text typed earlier and not sent, with a way to start from empty. */
export function KeptDraftNotice({ restored, discard }: { restored: boolean; discard: () => void }) {
  const { t } = useTranslation();
  if (!restored) return null;
  return (
    <div className="alert" role="status">
      <p>{t("common:draft.restored")}</p>
      <button type="button" className="link-button" onClick={discard}>
        {t("common:draft.discard")}
      </button>
    </div>
  );
}

/**
 * On an error page (a refusal that replaced the form: ideas closed meanwhile, the proposal was sent
 * for costing, the form's token no longer matches), what was typed on this page and not sent, to
 * copy. Read in the browser only: the server never had it.
 */
export function KeptDraftText() {
  const { t } = useTranslation();
  const mine = useDraftsHere();
  const [texts, setTexts] = useState<string[]>([]);
  useEffect(() => {
    try {
      const kept = Object.keys(sessionStorage)
        .filter((key) => key.startsWith(mine))
        .flatMap((key) => read(key)?.fields ?? [])
        .map(([, value]) => value.trim())
        .filter((value) => value.length > 0 && /\s/.test(value)); // words typed, not a chosen id or number
      setTexts(kept);
    } catch {
      setTexts([]);
    }
  }, [mine]);
  if (!texts.length) return null;
  return (
    <section className="card" aria-labelledby="kept-text-heading">
      <h2 id="kept-text-heading">{t("common:draft.notSentTitle")}</h2>
      <p>{t("common:draft.notSentIntro")}</p>
      {texts.map((text, i) => (
        <textarea key={i} readOnly rows={Math.min(10, 2 + Math.ceil(text.length / 70))} value={text} aria-labelledby="kept-text-heading" />
      ))}
    </section>
  );
}
