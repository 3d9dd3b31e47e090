import { useTranslation } from "react-i18next";
import { OfficeText } from "~/components/translated";
import type { OfficeName } from "~/i18n/i18n";

/** The ballot tracker a voter writes down, with where it was cast. */
export function TrackerCard({ tracker }: { tracker: { tracker: string; cycle: OfficeName; district: OfficeName } }) {
  const { t } = useTranslation();
  return (
    <div className="receipt" role="status">
      <p><OfficeText name={tracker.cycle} />, <OfficeText name={tracker.district} /></p>
      <p>{t("vote:receipt.trackerLabel")}</p>
      <p className="tracker" data-testid="tracker">{tracker.tracker}</p>
      <p className="muted">{t("vote:receipt.trackerHelp")}</p>
    </div>
  );
}
