// Translation keys for the survey's fixed answers and questions, written whole (see tests/unit/i18n.test.ts).
export const ANSWER_KEYS: Record<string, Record<string, string>> = {
  ageBand: {
    under18: "participation:survey.ageBand.under18",
    "18to24": "participation:survey.ageBand.18to24",
    "25to34": "participation:survey.ageBand.25to34",
    "35to44": "participation:survey.ageBand.35to44",
    "45to64": "participation:survey.ageBand.45to64",
    "65plus": "participation:survey.ageBand.65plus",
  },
  gender: {
    woman: "participation:survey.gender.woman",
    man: "participation:survey.gender.man",
    nonbinary: "participation:survey.gender.nonbinary",
    other: "participation:survey.gender.other",
  },
  homeLanguage: {
    english: "participation:survey.homeLanguage.english",
    spanish: "participation:survey.homeLanguage.spanish",
    chinese: "participation:survey.homeLanguage.chinese",
    vietnamese: "participation:survey.homeLanguage.vietnamese",
    tagalog: "participation:survey.homeLanguage.tagalog",
    arabic: "participation:survey.homeLanguage.arabic",
    other: "participation:survey.homeLanguage.other",
  },
  firstTime: {
    yes: "participation:survey.firstTime.yes",
    no: "participation:survey.firstTime.no",
  },
};

export const LEGEND_KEYS: Record<string, string> = {
  ageBand: "participation:survey.ageBand.legend",
  gender: "participation:survey.gender.legend",
  homeLanguage: "participation:survey.homeLanguage.legend",
  ethnicity: "participation:survey.ethnicity.legend",
  firstTime: "participation:survey.firstTime.legend",
};

export const QUESTION_KEYS: Record<string, string> = {
  ageBand: "participation:dashboard.survey.questions.ageBand",
  gender: "participation:dashboard.survey.questions.gender",
  homeLanguage: "participation:dashboard.survey.questions.homeLanguage",
  ethnicity: "participation:dashboard.survey.questions.ethnicity",
  firstTime: "participation:dashboard.survey.questions.firstTime",
};

/** Every way a vote is recorded (see markCodeUsed) has its name: a new one without a label does not compile. */
export const CHANNEL_KEYS: Record<string, string> = {
  online: "participation:dashboard.channel.online",
  account: "participation:dashboard.channel.account",
  paper: "participation:dashboard.channel.paper",
} satisfies Record<"online" | "account" | "paper", string>;
