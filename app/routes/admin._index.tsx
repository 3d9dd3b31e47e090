import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorize, getActor } from "~/auth.server";
import { cyclePhase, listCycles } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { PHASE_LABELS } from "~/domain/cycles/phases";

export const meta: MetaFunction = () => [{ title: "PB office · Civic Budget" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), "The admin area is for the PB office.");
  const cycles = await listCycles({ includeDrafts: true });
  return { cycles: cycles.map((c) => ({ slug: c.slug, name: c.name, phase: cyclePhase(c), districts: c.districts.length })) };
}

export default function Admin() {
  const { cycles } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>PB office</h1>
      <p><Link className="button" to="/admin/cycles/new">Create a cycle</Link></p>
      <table>
        <thead><tr><th scope="col">Cycle</th><th scope="col">Phase</th><th scope="col" className="num">Districts</th></tr></thead>
        <tbody>
          {cycles.map((c) => (
            <tr key={c.slug}>
              <td><Link to={`/admin/cycles/${c.slug}`}>{c.name}</Link></td>
              <td>{PHASE_LABELS[c.phase]}</td>
              <td className="num">{c.districts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
