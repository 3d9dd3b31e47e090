import { useFormat } from "~/i18n/i18n";

export function Progress({ percent, label }: { percent: number; label: string }) {
  const f = useFormat();
  return (
    <div className="progress">
      <div className="meter" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
        <span style={{ width: `${percent}%` }} />
      </div>
      <span>{f.percent(percent / 100)}</span>
    </div>
  );
}
