import { message } from "~/i18n/message";
import { describe, expect, it } from "vitest";
import { daysLate, milestoneNews, milestoneState, projectHealth, reportBack, spendSummary, statusChangeWithout, statusWithout } from "~/domain/implementation/progress";
import { checkPhoto, MAX_PHOTO_BYTES, sniffImageType } from "~/domain/implementation/upload";
import { milestoneDoneInput, milestoneEditInput, milestoneInput, projectUpdateInput, spendInput } from "~/domain/implementation/schema";
import { todayIso } from "~/domain/fields";

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);
const text = (s: string) => new TextEncoder().encode(s);
/** The messages zod gives, by field. */
const errorsOf = (r: { success: boolean; error?: { flatten(): { fieldErrors: Record<string, string[] | undefined> } } }) => (r.success ? {} : r.error!.flatten().fieldErrors);

describe("spend totals", () => {
  it("adds the entries and says what is left", () => {
    const s = spendSummary(100_000_00, [{ amountCents: 25_000_00 }, { amountCents: 12_500_50 }]);
    expect(s).toMatchObject({ spentCents: 37_500_50, remainingCents: 62_499_50, overBudget: false, overByCents: 0 });
    expect(s.share).toBeCloseTo(0.3750050);
  });
  it("says when spending passes the budget, and by how much", () => {
    const s = spendSummary(1_000_00, [{ amountCents: 800_00 }, { amountCents: 300_00 }]);
    expect(s).toMatchObject({ spentCents: 1_100_00, remainingCents: -100_00, overBudget: true, overByCents: 100_00 });
  });
  it("does not count a withdrawn entry (it was recorded by mistake)", () => {
    const s = spendSummary(1_000_00, [{ amountCents: 800_00 }, { amountCents: 800_00, withdrawnAt: new Date("2026-11-26") }, { amountCents: 100_00, withdrawnAt: null }]);
    expect(s).toMatchObject({ spentCents: 900_00, remainingCents: 100_00, overBudget: false });
  });
  it("spending exactly the budget is not over it; nothing spent is 0%", () => {
    expect(spendSummary(500, [{ amountCents: 500 }]).overBudget).toBe(false);
    expect(spendSummary(500, []).share).toBe(0);
  });
  it("amounts are parsed with the money rules and must be positive", () => {
    const input = spendInput("2026-06-10", 1_000_000_00);
    const ok = input.safeParse({ spentOn: "2026-05-01", amount: "$1,250.50", description: "Asphalt" });
    expect(ok.success && ok.data.amount).toBe(125050);
    expect(input.safeParse({ spentOn: "2026-05-01", amount: "0", description: "Asphalt" }).success).toBe(false);
    expect(input.safeParse({ spentOn: "2026-05-01", amount: "twelve", description: "Asphalt" }).success).toBe(false);
    expect(input.safeParse({ spentOn: "2026-13-45", amount: "10", description: "Asphalt" }).success).toBe(false);
  });
  it("takes an entry of more than twice the budget, or a date outside the project's plausible life, for a slip", () => {
    const input = spendInput("2026-06-10", 42_000_00);
    expect(errorsOf(input.safeParse({ spentOn: "2026-05-01", amount: "999,999,999,999", description: "Asphalt" }))).toEqual({ amount: ["projects:errors.amountTooLarge"] });
    expect(input.safeParse({ spentOn: "2026-05-01", amount: "84,000", description: "Asphalt" }).success).toBe(true);
    expect(errorsOf(input.safeParse({ spentOn: "1900-01-01", amount: "10", description: "Asphalt" }))).toEqual({ spentOn: [message("projects:errors.dateTooEarly", { years: 10 })] });
    expect(errorsOf(milestoneInput("2026-06-10").safeParse({ title: "Opening", plannedOn: "0001-01-01" }))).toEqual({ plannedOn: [message("projects:errors.dateTooEarly", { years: 10 })] });
    expect(errorsOf(milestoneInput("2026-06-10").safeParse({ title: "Opening", plannedOn: "9999-12-31" }))).toEqual({ plannedOn: [message("projects:errors.dateTooLate", { years: 30 })] });
    expect(errorsOf(projectUpdateInput("2026-06-10").safeParse({ status: "in_progress", percentComplete: "10", postedOn: "1901-01-01", note: "A note long enough." }))).toEqual({ postedOn: [message("projects:errors.dateTooEarly", { years: 10 })] });
  });
});

describe("what followers hear of a milestone", () => {
  const planned = { plannedOn: "2027-06-01", actualOn: null };
  it("done when it gets a date done, whether added, edited or marked done", () => {
    expect(milestoneNews(null, { plannedOn: "2027-06-01", actualOn: "2026-05-02" })).toEqual({ news: "done", on: "2026-05-02" });
    expect(milestoneNews(planned, { plannedOn: "2027-06-01", actualOn: "2026-05-02" })).toEqual({ news: "done", on: "2026-05-02" });
  });
  it("delayed when its planned date moves later while not done", () => {
    expect(milestoneNews(planned, { plannedOn: "2027-09-15", actualOn: null })).toEqual({ news: "delayed", from: "2027-06-01", to: "2027-09-15" });
  });
  it("nothing for a new milestone not done, the same or an earlier date, a corrected date done, or a done one's plan moved", () => {
    expect(milestoneNews(null, planned)).toBeNull();
    expect(milestoneNews(planned, planned)).toBeNull();
    expect(milestoneNews(planned, { plannedOn: "2027-05-01", actualOn: null })).toBeNull();
    const done = { plannedOn: "2026-05-01", actualOn: "2026-05-03" };
    expect(milestoneNews(done, { plannedOn: "2026-05-01", actualOn: "2026-05-04" })).toBeNull();
    expect(milestoneNews(done, { plannedOn: "2026-06-01", actualOn: "2026-05-03" })).toBeNull();
  });
});

describe("the status once an update is taken down", () => {
  const at = (h: number) => new Date(Date.UTC(2026, 5, 1, h));
  const updates = [
    { id: "a", status: "in_progress", percentComplete: 40, postedOn: "2026-05-01", createdAt: at(1), hiddenAt: null },
    { id: "b", status: "delayed", percentComplete: 60, postedOn: "2026-06-01", createdAt: at(2), hiddenAt: null },
    // Backdated: posted last, about an earlier day; it does not set the status.
    { id: "c", status: "completed", percentComplete: 100, postedOn: "2026-05-15", createdAt: at(3), hiddenAt: null },
    { id: "d", status: "completed", percentComplete: 100, postedOn: "2026-06-20", createdAt: at(4), hiddenAt: at(5) },
  ];
  it("is the newest shown update's, by its date and then by when it was posted", () => {
    expect(statusWithout(updates, "b")).toEqual({ status: "completed", percentComplete: 100 });
    expect(statusWithout(updates, "c")).toEqual({ status: "delayed", percentComplete: 60 });
    expect(statusWithout([...updates, { ...updates[0], id: "e", postedOn: "2026-06-01", createdAt: at(6), status: "planned" }], "x")).toEqual({ status: "planned", percentComplete: 40 });
  });
  it("is news to staff only when it differs from what the project shows now", () => {
    const now = { status: "delayed", percentComplete: 60 }; // set by b, the newest shown
    expect(statusChangeWithout(now, updates, "b")).toEqual({ status: "completed", percentComplete: 100 });
    expect(statusChangeWithout(now, updates, "c")).toBeNull();
  });
  it("is where a project starts once no update is left shown", () => {
    expect(statusWithout([updates[3], updates[0]], "a")).toEqual({ status: "planned", percentComplete: 0 });
  });
});

describe("milestone lateness", () => {
  const today = "2026-06-10";
  const going = { status: "in_progress" };
  it("is late once the planned date has passed without an actual date", () => {
    expect(milestoneState({ plannedOn: "2026-06-09", actualOn: null, droppedAt: null }, today, going)).toBe("late");
    expect(daysLate({ plannedOn: "2026-06-01", actualOn: null, droppedAt: null }, today, going)).toBe(9);
  });
  it("is not late on its planned day, nor before", () => {
    expect(milestoneState({ plannedOn: today, actualOn: null, droppedAt: null }, today, going)).toBe("upcoming");
    expect(milestoneState({ plannedOn: "2026-07-01", actualOn: null, droppedAt: null }, today, going)).toBe("upcoming");
  });
  it("is done once it has an actual date, with the days it slipped", () => {
    expect(milestoneState({ plannedOn: "2026-05-01", actualOn: "2026-05-04", droppedAt: null }, today, going)).toBe("done");
    expect(daysLate({ plannedOn: "2026-05-01", actualOn: "2026-05-04", droppedAt: null }, today, going)).toBe(3);
    expect(daysLate({ plannedOn: "2026-05-01", actualOn: "2026-04-20", droppedAt: null }, today, going)).toBe(0);
  });
  it("is never late once dropped from the plan, and does not make its project delayed", () => {
    const dropped = { plannedOn: "2026-01-01", actualOn: null, droppedAt: new Date("2026-02-01") };
    expect(milestoneState(dropped, today, going)).toBe("dropped");
    expect(daysLate(dropped, today, going)).toBe(0);
    expect(projectHealth({ status: "in_progress" }, [dropped], today)).toBe("on_track");
  });
  it("is never late once its project ended: a cancelled project's milestones are not reached, not late", () => {
    const past = { plannedOn: "2026-01-01", actualOn: null, droppedAt: null };
    const future = { plannedOn: "2026-12-15", actualOn: null, droppedAt: null };
    for (const status of ["cancelled", "completed"]) {
      expect(milestoneState(past, today, { status })).toBe("unreached");
      expect(milestoneState(future, "2027-01-01", { status })).toBe("unreached");
      expect(daysLate(past, today, { status })).toBe(0);
    }
    // What was done before it ended stays done, with the days it slipped.
    expect(milestoneState({ plannedOn: "2026-01-01", actualOn: "2026-01-05", droppedAt: null }, today, { status: "cancelled" })).toBe("done");
    expect(daysLate({ plannedOn: "2026-01-01", actualOn: "2026-01-05", droppedAt: null }, today, { status: "cancelled" })).toBe(4);
  });
  it("a late milestone makes a project delayed in the report-back", () => {
    expect(projectHealth({ status: "in_progress" }, [{ plannedOn: "2026-01-01", actualOn: null, droppedAt: null }], today)).toBe("delayed");
    expect(projectHealth({ status: "in_progress" }, [{ plannedOn: "2026-01-01", actualOn: "2026-01-02", droppedAt: null }], today)).toBe("on_track");
    expect(projectHealth({ status: "completed" }, [{ plannedOn: "2026-01-01", actualOn: null, droppedAt: null }], today)).toBe("done");
    const r = reportBack(
      [
        { id: "a", title: "A", status: "completed", milestones: [], cancelReason: null },
        { id: "b", title: "B", status: "cancelled", milestones: [], cancelReason: "The site was sold." },
        { id: "c", title: "C", status: "delayed", milestones: [], cancelReason: null },
        { id: "d", title: "D", status: "planned", milestones: [], cancelReason: null },
      ],
      today,
    );
    expect(r.counts).toEqual({ done: 1, on_track: 1, delayed: 1, cancelled: 1 });
    expect(r.cancelled).toEqual([{ id: "b", title: "B", reason: "The site was sold." }]);
  });
});

describe("upload checks", () => {
  it("recognises JPEG, PNG and WebP by their bytes", () => {
    expect(sniffImageType(JPEG)).toBe("jpeg");
    expect(sniffImageType(PNG)).toBe("png");
    expect(sniffImageType(WEBP)).toBe("webp");
  });
  it("refuses other content whatever its name says: HTML, SVG, GIF, PDF, a RIFF that is not WebP", () => {
    expect(sniffImageType(text("<html><script>alert(1)</script>"))).toBeNull();
    expect(sniffImageType(text("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(text("GIF89a......"))).toBeNull();
    expect(sniffImageType(text("%PDF-1.7...."))).toBeNull();
    expect(sniffImageType(text("RIFF....WAVEfmt "))).toBeNull();
    expect(sniffImageType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
  it("refuses a photo over 5 MB and an empty file", () => {
    expect(checkPhoto({ size: MAX_PHOTO_BYTES }, JPEG)).toBeNull();
    expect(checkPhoto({ size: MAX_PHOTO_BYTES + 1 }, JPEG)).toBe("tooLarge");
    expect(checkPhoto({ size: 0 }, new Uint8Array())).toBe("empty");
    expect(checkPhoto({ size: 100 }, text("not an image at all"))).toBe("notImage");
  });
});

describe("project dates", () => {
  const today = "2026-06-10";
  const update = { status: "in_progress", percentComplete: "40", note: "The swings are in; surfacing next week." };
  const spend = { amount: "10", description: "Asphalt" };

  it("today is the UTC day, computed in one place", () => {
    expect(todayIso(new Date("2026-06-10T23:59:59Z"))).toBe(today);
    expect(todayIso(new Date("2026-06-11T00:00:00Z"))).toBe("2026-06-11");
  });

  it("a milestone cannot be done after today; it may be planned for any later day", () => {
    expect(errorsOf(milestoneInput(today).safeParse({ title: "Opening", plannedOn: "2026-05-01", actualOn: "2031-01-01" }))).toEqual({ actualOn: ["projects:errors.actualFuture"] });
    expect(errorsOf(milestoneEditInput(today).safeParse({ milestoneId: "m1", title: "Opening", plannedOn: "2026-05-01", actualOn: "2026-06-11" }))).toEqual({ actualOn: ["projects:errors.actualFuture"] });
    expect(errorsOf(milestoneDoneInput(today).safeParse({ milestoneId: "m1", actualOn: "2026-06-11" }))).toEqual({ actualOn: ["projects:errors.actualFuture"] });
    expect(milestoneDoneInput(today).safeParse({ milestoneId: "m1", actualOn: today }).success).toBe(true);
    expect(milestoneInput(today).safeParse({ title: "Opening", plannedOn: "2031-01-01" }).success).toBe(true);
    expect(milestoneInput(today).safeParse({ title: "Opening", plannedOn: "2031-01-01", actualOn: today }).success).toBe(true);
  });

  it("spending cannot be dated after today", () => {
    expect(errorsOf(spendInput(today, 1_000_000_00).safeParse({ ...spend, spentOn: "2030-01-01" }))).toEqual({ spentOn: ["projects:errors.spentOnFuture"] });
    expect(errorsOf(spendInput(today, 1_000_000_00).safeParse({ ...spend, spentOn: "2026-06-11" }))).toEqual({ spentOn: ["projects:errors.spentOnFuture"] });
    expect(spendInput(today, 1_000_000_00).safeParse({ ...spend, spentOn: today }).success).toBe(true);
  });

  it("an update cannot be dated after today, nor on a day that does not exist", () => {
    expect(errorsOf(projectUpdateInput(today).safeParse({ ...update, postedOn: "2026-06-11" }))).toEqual({ postedOn: ["projects:errors.dateFuture"] });
    expect(errorsOf(projectUpdateInput(today).safeParse({ ...update, postedOn: "2026-02-30" }))).toEqual({ postedOn: ["projects:errors.date"] });
    expect(projectUpdateInput(today).safeParse({ ...update, postedOn: today }).success).toBe(true);
  });

  it("every date field refuses an impossible calendar date, before it looks at today", () => {
    for (const bad of ["2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-99-99", "2026-6-1", "tomorrow", ""]) {
      expect(errorsOf(milestoneInput(today).safeParse({ title: "Opening", plannedOn: bad })).plannedOn, bad).toEqual(["projects:errors.plannedDate"]);
      expect(errorsOf(milestoneDoneInput(today).safeParse({ milestoneId: "m1", actualOn: bad })).actualOn, bad).toEqual(["projects:errors.actualDate"]);
      expect(errorsOf(spendInput(today, 1_000_000_00).safeParse({ ...spend, spentOn: bad })).spentOn, bad).toEqual(["projects:errors.spentOn"]);
      expect(errorsOf(projectUpdateInput(today).safeParse({ ...update, postedOn: bad })).postedOn, bad).toEqual(["projects:errors.date"]);
    }
    expect(milestoneInput(today).safeParse({ title: "Leap day", plannedOn: "2028-02-29" }).success).toBe(true);
    expect(errorsOf(milestoneInput(today).safeParse({ title: "Not a leap day", plannedOn: "2027-02-29" })).plannedOn).toEqual(["projects:errors.plannedDate"]);
  });
});

describe("project text lengths", () => {
  const today = "2026-06-10";
  it("too long a title, description or note says so in a translatable message, not zod's English", () => {
    expect(errorsOf(milestoneInput(today).safeParse({ title: "x".repeat(201), plannedOn: today }))).toEqual({ title: ["projects:errors.milestoneTitleLong"] });
    expect(milestoneInput(today).safeParse({ title: "x".repeat(200), plannedOn: today }).success).toBe(true);
    expect(errorsOf(spendInput(today, 1_000_000_00).safeParse({ spentOn: today, amount: "10", description: "x".repeat(301) }))).toEqual({ description: ["projects:errors.spendDescriptionLong"] });
    expect(spendInput(today, 1_000_000_00).safeParse({ spentOn: today, amount: "10", description: "x".repeat(300) }).success).toBe(true);
    expect(errorsOf(projectUpdateInput(today).safeParse({ status: "in_progress", percentComplete: "40", postedOn: today, note: "x".repeat(2001) }))).toEqual({ note: ["projects:errors.noteLong"] });
    expect(projectUpdateInput(today).safeParse({ status: "in_progress", percentComplete: "40", postedOn: today, note: "x".repeat(2000) }).success).toBe(true);
  });
  it("an empty hidden id is refused with a message of ours too", () => {
    expect(errorsOf(milestoneDoneInput(today).safeParse({ milestoneId: "", actualOn: today }))).toEqual({ milestoneId: ["projects:errors.milestoneNotFound"] });
  });
});
