import { useTranslation } from "react-i18next";

/** The ballot tracker a voter writes down, with where it was cast. */
export function TrackerCard({ tracker }: { tracker: { tracker: string; cycle: string; district: string } }) {
  const { t } = useTranslation();
  return (
    <div className="receipt" role="status">
      <p>{tracker.cycle}, {tracker.district}</p>
      <p>{t("vote:receipt.trackerLabel")}</p>
      <p className="tracker" data-testid="tracker">{tracker.tracker}</p>
      <p className="muted">{t("vote:receipt.trackerHelp")}</p>
    </div>
  );
}
