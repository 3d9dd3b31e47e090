import { z } from "zod";

export const ideaInput = z.object({
  title: z
    .string({ required_error: "Give your idea a short title." })
    .trim()
    .min(5, "Give your idea a title of at least 5 characters.")
    .max(120, "Keep the title under 120 characters."),
  description: z
    .string({ required_error: "Describe your idea: what should be done, and why?" })
    .trim()
    .min(20, "Describe your idea in at least 20 characters: what should be done, and why?")
    .max(4000, "Keep the description under 4,000 characters."),
  districtId: z.string({ required_error: "Choose the district your idea is for." }).min(1, "Choose the district your idea is for."),
  categoryId: z.string({ required_error: "Choose a category." }).min(1, "Choose a category."),
  location: z.string().trim().max(200, "Keep the location under 200 characters.").default(""),
});
export type IdeaInput = z.infer<typeof ideaInput>;

export const ideaFilter = z.object({
  cycle: z.string().optional(),
  district: z.string().optional().catch(undefined),
  category: z.string().optional().catch(undefined),
  status: z.enum(["open", "developed", "not_taken_forward"]).optional().catch(undefined),
});

export const ideaDecisionInput = z.object({
  reason: z
    .string({ required_error: "Explain publicly why this idea is not taken forward." })
    .trim()
    .min(10, "Explain publicly, in at least 10 characters, why this idea is not taken forward.")
    .max(1000),
});
