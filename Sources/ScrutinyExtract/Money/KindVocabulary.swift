import ScrutinyCore

/// The words that say what a money amount is, as data: a council whose reports use another word adds it
/// to its kind's row here, not a new rule in ``BudgetKindClassifier``.
///
/// The rows follow the contract's mapping: overspend and gaps are deficits; underspend and surplus are
/// surpluses; savings, delivered or not, are savings; grants and funding awarded are funding; money
/// earmarked or allocated is an allocation; cost and money spent is expenditure; revenue and fees are
/// income; contributions by or to a partner are contributions; moves into, out of and balances of reserves
/// are reserves; budget totals are budgets; prices, charges, rents, thresholds, valuations and variances
/// are other figures.
enum KindVocabulary {
    /// Single words (lowercased) and the kind each gives the amount nearest it.
    static let words: [(BudgetKind, [String])] = [
        (.expenditure, ["expenditure", "expenditures", "spend", "spends", "spent", "spending", "cost", "costs", "costing",
                        "costed", "expense", "expenses", "outgoings", "outlay", "investment", "invested", "invest"]),
        (.income, ["income", "incomes", "received", "receives", "receive", "receipt", "receipts", "raised", "raises",
                   "raise", "generated", "generates", "generate", "earned", "earns", "revenue", "revenues", "takings",
                   "recovered", "collect", "collects", "collected", "receipted", "precept", "precepts", "levy"]),
        (.surplus, ["surplus", "surpluses", "underspend", "underspent", "underspends", "underspending"]),
        (.deficit, ["deficit", "deficits", "overspend", "overspent", "overspends", "overspending", "shortfall",
                    "shortfalls", "loss", "losses", "gap", "gaps", "pressure", "pressures", "burden"]),
        (.contribution, ["contribution", "contributions", "contribute", "contributes", "contributed", "contributing",
                         "subscription", "subscriptions", "fee", "fees", "membership"]),
        (.reserve, ["reserve", "reserves", "balances", "drawdown", "drawdowns", "drawings", "drew"]),
        (.allocation, ["allocated", "allocation", "allocations", "allocate", "allocates", "earmarked", "ringfenced",
                        "approved", "approval"]),
        (.funding, ["funding", "funded", "fund", "funds", "secured", "securing", "secure", "secures", "grant", "grants",
                    "granted", "award", "awarded", "awards", "sponsorship", "provided"]),
        (.payment, ["payment", "payments", "paid", "pays", "pay", "paying", "repaid", "repayment"]),
        (.saving, ["saving", "savings", "saved", "save", "efficiencies"]),
        (.budget, ["budget", "budgets", "budgeted", "held", "holds", "remaining", "provision",
                   "envelope", "hold"]),
        (.other, ["variance", "variances", "improvement", "deterioration", "movement", "price", "prices", "rent", "rents",
                  "charge", "charges", "charged", "surcharge", "valued", "valuation", "value", "threshold", "thresholds",
                  "margin", "cap", "capped", "deteriorated", "improved", "reduction", "reductions"]),
    ]

    /// Cues of several words (lowercased), tried before single words at the same place.
    static let phrases: [([String], BudgetKind)] = [
        (["held", "in", "reserve"], .reserve), (["in", "reserve"], .reserve), (["net", "income"], .income),
        (["reserve", "fund"], .reserve), (["set", "aside"], .allocation), (["ring", "fenced"], .allocation),
        (["capital", "programme"], .budget),
        // Money that "came from" somewhere was given: "of which £420,000 came from the national fund".
        (["came", "from"], .funding), (["comes", "from"], .funding), (["come", "from"], .funding),
        (["coming", "from"], .funding),
        // A variance with a direction is an overspend or an underspend.
        (["adverse", "variance"], .deficit), (["unfavourable", "variance"], .deficit),
        (["favourable", "variance"], .surplus), (["favourable", "outturn"], .surplus), (["adverse", "outturn"], .deficit), (["drawn", "down"], .reserve), (["draw", "down"], .reserve),
    ]

    /// Cues that say only that money is there ("held at", "remaining", "a total value of"): any other cue in
    /// the amount's clause beats them ("savings with a total value of £2m" are savings).
    static let generalWords: Set<String> = ["held", "holds", "hold", "remaining", "value", "budgets"]

    /// Nouns that, straight after another cue, are the thing itself and the cue before them only describes
    /// it: "funding gap" is a gap, "grant income" income, "cost pressures" pressures.
    static let headNouns: Set<String> = [
        "gap", "gaps", "shortfall", "shortfalls", "pressure", "pressures", "income", "receipts", "allocation",
        "allocations", "variance", "variances", "deficit", "surplus", "overspend", "underspend", "reserve", "reserves",
        "contribution", "contributions", "charge", "charges", "rent", "rents", "budget",
    ]

    /// Cues that name where money goes ("to reserves", "to the capital programme"): after "to" they are its
    /// purpose, not what it is.
    static let destinations: Set<String> = ["reserve", "reserves", "balances", "budget", "budgets", "fund", "funds", "capital"]

    /// Words right after an amount (or after its "a year") that make it a difference from another figure: other.
    static let comparatives: Set<String> = ["less", "more", "lower", "higher", "fewer"]
    /// Word pairs that may stand between an amount and its comparative: "£116m a year less".
    static let ratePairs: Set<String> = ["a year", "per annum", "each year", "a month", "per year"]

    /// Words after an amount that make it a rate per unit ("£42.32 per week", "£5 pw"): a price, not a total.
    static let perUnitWords: Set<String> = ["pw", "weekly", "hourly", "daily"]
    /// Words after "per" that make an amount a yearly total rather than a price per unit.
    static let perYearWords: Set<String> = ["annum", "year"]
}
