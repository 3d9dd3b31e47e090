import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useWrittenIn } from "~/i18n/i18n";

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

/** Where a sentence of ours is given someone's words (`template`: the sentence with SLOT for them). */
export const SLOT = "\u0000";

/** The sentence, with the words in it marked with their language when it is not the page's. */
export function WithWords({ template, words, lang }: { template: string; words: string; lang?: string }) {
  const [before, after = ""] = template.split(SLOT);
  if (!lang) return <>{before + words + after}</>;
  return (
    <>
      {before}
      <span lang={lang}>{words}</span>
      {after}
    </>
  );
}
