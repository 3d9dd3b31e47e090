import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextareaField, TextField } from "~/components/forms";
import type { Choice } from "~/i18n/i18n";


/** What a resident writes about an idea: the same fields when sharing it and when changing it. */
export function IdeaFields({
  fields,
  districts,
  categories,
}: {
  fields: Record<"title" | "description" | "districtId" | "categoryId" | "location", FieldMetadata<string>>;
  districts: Choice[];
  categories: Choice[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField meta={fields.title} label={t("ideas:new.titleLabel")} hint={t("ideas:new.titleHint")} />
      <TextareaField meta={fields.description} label={t("ideas:new.description")} hint={t("ideas:new.descriptionHint")} rows={6} />
      <SelectField meta={fields.districtId} label={t("ideas:new.district")} options={districts} />
      <SelectField meta={fields.categoryId} label={t("ideas:new.category")} options={categories} />
      <TextField meta={fields.location} label={t("ideas:new.location")} hint={t("ideas:new.locationHint")} />
    </>
  );
}
