import { Link } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { useWrittenIn, type OfficeName } from "~/i18n/i18n";

/** A description in the reader's language when staff translated it, with the original one click away. */
export function TranslatedDescription({
  original,
  translation,
  translateHref,
}: {
  original: { title: string; description: string; writtenIn?: string };
  translation: { title: string; description: string } | null;
  translateHref: string | null;
}) {
  const { t } = useTranslation();
  const lang = useWrittenIn()(original.writtenIn);
  return (
    <>
      {translation ? <p className="prose">{translation.description}</p> : <p className="prose" lang={lang}>{original.description}</p>}
      {translation ? (
        <details className="original-text">
          <summary>
            {t("translations:shown")} {t("translations:showOriginal")}
          </summary>
          <div lang={lang}>
            <p><strong>{original.title}</strong></p>
            <p className="prose">{original.description}</p>
          </div>
        </details>
      ) : null}
      {translateHref ? (
        <p>
          <Link to={translateHref}>{t("translations:link")}</Link>
        </p>
      ) : null}
    </>
  );
}

/** A name or title as written (the PB office's, or someone's), marked with its language when it is not the page's. */
export function OfficeText({ name }: { name: OfficeName }) {
  const lang = useWrittenIn()(name.writtenIn);
  return lang ? <span lang={lang}>{name.name}</span> : <>{name.name}</>;
}

/** Where a sentence of ours is given the i-th of the names it shows (see WithNames): languages order them differently. */
export const nameSlot = (i: number) => `\u0000${i}\u0000`;

/**
 * A sentence of ours with others' words in it (the PB office's names, titles as written), each marked with
 * its language; `template`: the sentence with nameSlot(i) for names[i].
 */
export function WithNames({ template, names }: { template: string; names: readonly OfficeName[] }) {
  // split keeps the captured numbers: every odd part is one.
  const parts = template.split(/\u0000(\d+)\u0000/);
  return <>{parts.map((part, i) => (i % 2 ? <OfficeText key={i} name={names[Number(part)]} /> : <Fragment key={i}>{part}</Fragment>))}</>;
}
