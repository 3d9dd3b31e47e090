// Every shipped translation, imported statically so the server build, vitest and tsx scripts all load them the same way.
// Adding a namespace: add it to NAMESPACES (app/i18n/config.ts) and import both languages here; tsc checks none is missing.
import type { Locale, Namespace } from "~/i18n/config";
import enCommon from "./en/common.json";
import enHome from "./en/home.json";
import enAuth from "./en/auth.json";
import enIdeas from "./en/ideas.json";
import enProposals from "./en/proposals.json";
import enCosting from "./en/costing.json";
import enVote from "./en/vote.json";
import enResults from "./en/results.json";
import enProjects from "./en/projects.json";
import enAdmin from "./en/admin.json";
import enImports from "./en/imports.json";
import enComments from "./en/comments.json";
import enFollows from "./en/follows.json";
import enParticipation from "./en/participation.json";
import enCommittees from "./en/committees.json";
import enTranslations from "./en/translations.json";
import esCommon from "./es/common.json";
import esHome from "./es/home.json";
import esAuth from "./es/auth.json";
import esIdeas from "./es/ideas.json";
import esProposals from "./es/proposals.json";
import esCosting from "./es/costing.json";
import esVote from "./es/vote.json";
import esResults from "./es/results.json";
import esProjects from "./es/projects.json";
import esAdmin from "./es/admin.json";
import esImports from "./es/imports.json";
import esComments from "./es/comments.json";
import esFollows from "./es/follows.json";
import esParticipation from "./es/participation.json";
import esCommittees from "./es/committees.json";
import esTranslations from "./es/translations.json";

export const RESOURCES: Record<Locale, Record<Namespace, Record<string, unknown>>> = {
  en: { common: enCommon, home: enHome, auth: enAuth, ideas: enIdeas, proposals: enProposals, costing: enCosting, vote: enVote, results: enResults, projects: enProjects, admin: enAdmin, imports: enImports, comments: enComments, follows: enFollows, participation: enParticipation, committees: enCommittees, translations: enTranslations },
  es: { common: esCommon, home: esHome, auth: esAuth, ideas: esIdeas, proposals: esProposals, costing: esCosting, vote: esVote, results: esResults, projects: esProjects, admin: esAdmin, imports: esImports, comments: esComments, follows: esFollows, participation: esParticipation, committees: esCommittees, translations: esTranslations },
};
