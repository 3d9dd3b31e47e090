import { useFormat } from "~/i18n/i18n";

/** A bar for a share from 0 to 100 (drawn at most full); `text` replaces the percentage shown beside it. */
export function Progress({ percent, label, text, tone }: { percent: number; label: string; text?: string; tone?: "over" }) {
  const f = useFormat();
  const drawn = Math.max(0, Math.min(100, percent));
  return (
    <div className={tone === "over" ? "progress progress-over" : "progress"}>
      {/* The value stays within its range (over budget is still a full bar); the words say how far over. */}
      <div className="meter" role="progressbar" aria-valuenow={Math.round(drawn)} aria-valuemin={0} aria-valuemax={100} aria-valuetext={text ?? f.percent(percent / 100)} aria-label={label}>
        <span style={{ width: `${drawn}%` }} />
      </div>
      <span>{text ?? f.percent(percent / 100)}</span>
    </div>
  );
}
