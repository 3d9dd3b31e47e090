import { z } from "zod";

const text = {
  title: z
    .string({ required_error: "Give the proposal a title." })
    .trim()
    .min(5, "Give the proposal a title of at least 5 characters.")
    .max(120, "Keep the title under 120 characters."),
  description: z
    .string({ required_error: "Describe the proposal." })
    .trim()
    .min(30, "Describe the proposal in at least 30 characters: what will be built, where, for whom.")
    .max(6000, "Keep the description under 6,000 characters."),
};

export const createProposalInput = z.object({
  ...text,
  districtId: z.string({ required_error: "Choose the district." }).min(1, "Choose the district."),
  categoryId: z.string({ required_error: "Choose a category." }).min(1, "Choose a category."),
  ideaIds: z
    .array(z.string().min(1), { required_error: "Choose at least one source idea." })
    .min(1, "Choose at least one source idea."),
});

export const editProposalInput = z.object({
  ...text,
  note: z.string().trim().max(300, "Keep the note under 300 characters.").default(""),
});

export const sendForCostingInput = z.object({
  agencyId: z.string({ required_error: "Choose the agency that should cost it." }).min(1, "Choose the agency that should cost it."),
});
