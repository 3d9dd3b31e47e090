import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AuthenticityTokenInput } from "remix-utils/csrf/react";
import { ANSWER_KEYS, LEGEND_KEYS } from "~/components/participation-labels";
import { AGE_BANDS, FIRST_TIME, GENDERS, HOME_LANGUAGES } from "~/domain/participation/survey";
import { useMessage } from "~/i18n/i18n";

/** One question as radio buttons, "prefer not to say" first and chosen (so nothing is answered by default). */
function RadioQuestion({ name, values, error }: { name: "ageBand" | "gender" | "homeLanguage" | "firstTime"; values: readonly string[]; error?: string }) {
  const { t } = useTranslation();
  const say = useMessage();
  const errorId = `survey-${name}-error`;
  return (
    <fieldset className="survey-question" aria-describedby={error ? errorId : undefined}>
      <legend>{t(LEGEND_KEYS[name])}</legend>
      <div className="choice">
        <input type="radio" id={`survey-${name}-none`} name={name} value="" defaultChecked />
        <label htmlFor={`survey-${name}-none`}>{t("participation:survey.preferNot")}</label>
      </div>
      {values.map((v) => (
        <div className="choice" key={v}>
          <input type="radio" id={`survey-${name}-${v}`} name={name} value={v} aria-invalid={error ? true : undefined} />
          <label htmlFor={`survey-${name}-${v}`}>{t(ANSWER_KEYS[name][v])}</label>
        </div>
      ))}
      {error ? <p id={errorId} className="error" role="alert">{say(error)}</p> : null}
    </fieldset>
  );
}

/** The optional survey after voting: plain HTML form, so it works without JavaScript. */
export function SurveyForm({ ethnicities, errors = {} }: { ethnicities: readonly { value: string; label: string }[]; errors?: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <section className="card survey" aria-labelledby="survey-heading">
      <h2 id="survey-heading">{t("participation:survey.title")}</h2>
      <p>{t("participation:survey.intro")}</p>
      <Form method="post" action="/vote/survey">
        <AuthenticityTokenInput />
        <RadioQuestion name="ageBand" values={AGE_BANDS} error={errors.ageBand} />
        <RadioQuestion name="gender" values={GENDERS} error={errors.gender} />
        <RadioQuestion name="homeLanguage" values={HOME_LANGUAGES} error={errors.homeLanguage} />
        {ethnicities.length ? (
          <fieldset className="survey-question">
            <legend>{t(LEGEND_KEYS.ethnicity)}</legend>
            {ethnicities.map((e, i) => (
              <div className="choice" key={e.value}>
                <input type="checkbox" id={`survey-ethnicity-${i}`} name="ethnicities" value={e.value} />
                <label htmlFor={`survey-ethnicity-${i}`}>{e.label}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <RadioQuestion name="firstTime" values={FIRST_TIME} error={errors.firstTime} />
        <p className="actions">
          <button type="submit" name="intent" value="answer" className="button">{t("participation:survey.submit")}</button>
          <button type="submit" name="intent" value="skip" className="button-secondary">{t("participation:survey.skip")}</button>
        </p>
      </Form>
    </section>
  );
}
