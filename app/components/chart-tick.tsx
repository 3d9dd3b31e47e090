// A category-axis label as plain SVG text. Recharts' own tick measures the words in the
// browser to wrap long labels, which it cannot do on the server: the server and the browser
// then draw different <tspan>s and React's hydration fails on every chart page.
export function PlainTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <text x={Number(props.x ?? 0)} y={Number(props.y ?? 0)} dy={4} dx={-4} textAnchor="end" fontSize={13} fill="#1b1f23">
      {String(props.payload?.value ?? "")}
    </text>
  );
}
