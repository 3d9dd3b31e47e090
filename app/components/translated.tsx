import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** A description in the reader's language when staff translated it, with the original one click away. */
export function TranslatedDescription({
  original,
  translation,
  translateHref,
}: {
  original: { title: string; description: string };
  translation: { title: string; description: string } | null;
  translateHref: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="prose">{translation?.description ?? original.description}</p>
      {translation ? (
        <details className="original-text">
          <summary>
            {t("translations:shown")} {t("translations:showOriginal")}
          </summary>
          <p><strong>{original.title}</strong></p>
          <p className="prose">{original.description}</p>
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
