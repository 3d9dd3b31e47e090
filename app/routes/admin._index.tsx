import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, getActor } from "~/auth.server";
import { cyclePhase, listCycles } from "~/db/cycles.server";
import { cyclePermissions } from "~/domain/cycles/permissions";
import { PHASE_KEYS } from "~/domain/cycles/phases";
import { message } from "~/i18n/message";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "admin:home.metaTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  authorize(request, actor, cyclePermissions.manage(actor), message("admin:errors.adminOnly"));
  const cycles = await listCycles({ includeDrafts: true });
  return { cycles: cycles.map((c) => ({ slug: c.slug, name: c.name, phase: cyclePhase(c), districts: c.districts.length })) };
}

export default function Admin() {
  const { cycles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("admin:home.title")}</h1>
      <p><Link className="button" to="/admin/cycles/new">{t("admin:home.create")}</Link> <Link to="/admin/people">{t("admin:people.link")}</Link></p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("admin:home.cycle")}</th>
            <th scope="col">{t("admin:home.phase")}</th>
            <th scope="col" className="num">{t("admin:home.districts")}</th>
          </tr>
        </thead>
        <tbody>
          {cycles.map((c) => (
            <tr key={c.slug}>
              <td><Link to={`/admin/cycles/${c.slug}`}>{c.name}</Link></td>
              <td>{t(PHASE_KEYS[c.phase])}</td>
              <td className="num">{c.districts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
