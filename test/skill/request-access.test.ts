// Slots and entity resolution: values, list slots, the first ER_SUCCESS_MATCH value.
import type { Intent, slu } from "ask-sdk-model";
import { describe, expect, it } from "vitest";
import { slotAccess } from "../../src/skill/index.js";
import { slot } from "./fixtures.js";

const noMatch: slu.entityresolution.Resolution = {
  authority: "amzn1.er-authority.echo-sdk.SKILL.AMAZON.City",
  status: { code: "ER_SUCCESS_NO_MATCH" },
  values: [],
};
const cityMatch: slu.entityresolution.Resolution = {
  authority: "amzn1.er-authority.echo-sdk.SKILL.CityType",
  status: { code: "ER_SUCCESS_MATCH" },
  values: [{ value: { name: "New York City", id: "NYC" } }, { value: { name: "New York State", id: "NYS" } }],
};
const dynamicMatch: slu.entityresolution.Resolution = {
  authority: "amzn1.er-authority.echo-sdk.dynamic",
  status: { code: "ER_SUCCESS_MATCH" },
  values: [{ value: { name: "Big Apple", id: "APPLE" } }],
};

function intentWith(slots: Intent["slots"]): Intent {
  return { name: "TravelIntent", confirmationStatus: "NONE", ...(slots === undefined ? {} : { slots }) };
}

describe("slot access", () => {
  const access = slotAccess(
    intentWith({
      city: slot("city", "new york", { resolutions: { resolutionsPerAuthority: [noMatch, cityMatch, dynamicMatch] } }),
      date: slot("date", "2026-05-01"),
      unfilled: slot("unfilled"),
      missed: slot("missed", "mars", { resolutions: { resolutionsPerAuthority: [noMatch] } }),
      toppings: slot("toppings", undefined, {
        slotValue: { type: "List", values: [{ type: "Simple", value: "ham" }, { type: "Simple", value: "olives" }] },
      }),
    }),
  );

  it("reads spoken values and lists slot names", () => {
    expect(access.names()).toEqual(["city", "date", "unfilled", "missed", "toppings"]);
    expect(access.value("date")).toBe("2026-05-01");
    expect(access.value("unfilled")).toBeUndefined();
    expect(access.value("nope")).toBeUndefined();
    expect(access.get("city")?.name).toBe("city");
  });

  it("resolves to the first value of the first ER_SUCCESS_MATCH authority", () => {
    expect(access.resolved("city")).toEqual({ id: "NYC", name: "New York City", authority: cityMatch.authority });
    expect(access.resolvedAll("city").map((v) => v.id)).toEqual(["NYC", "NYS", "APPLE"]);
  });

  it("gives undefined when entity resolution found no match or the slot has none", () => {
    expect(access.resolved("missed")).toBeUndefined();
    expect(access.resolved("date")).toBeUndefined();
    expect(access.resolvedAll("nope")).toEqual([]);
  });

  it("reads multiple-value slots as a list, and single values as a one-item list", () => {
    expect(access.values("toppings")).toEqual(["ham", "olives"]);
    expect(access.values("date")).toEqual(["2026-05-01"]);
    expect(access.values("unfilled")).toEqual([]);
  });

  it("is empty without an intent or without slots, and ignores inherited names", () => {
    expect(slotAccess(undefined).names()).toEqual([]);
    expect(slotAccess(intentWith(undefined)).value("city")).toBeUndefined();
    expect(access.get("toString")).toBeUndefined();
  });
});
