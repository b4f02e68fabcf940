namespace Designer.Inference.Corpus;

/// <summary>Phrase banks for the narrative generator: templates × synonyms × paraphrases.</summary>
internal static class NarrativePhrases
{
    public static readonly string[] Openings =
    [
        "Hi,", "Hello,", "To whom it may concern,", "Good morning,", "", "", "Dear support team,", "Hey there,",
    ];

    /// <summary>Core statements per category; the index within a category is part of the record's intent.</summary>
    public static readonly Dictionary<string, string[]> Cores = new()
    {
        [DisputeCategories.Fraud] =
        [
            "there is a charge of {amount} from {merchant} on my statement that I {deny}.",
            "I noticed a payment to {merchant} for {amount} that {denyThird}.",
            "my card shows {amount} spent at {merchant} and I {deny}.",
            "a transaction at {merchant} ({amount}) appeared overnight; I {deny}.",
            "{merchant} took {amount} from my account {withoutConsent}.",
        ],
        [DisputeCategories.NotReceived] =
        [
            "I paid {merchant} {amount} for {item} and {neverArrived}.",
            "my order of {item} from {merchant} ({amount}) {notDelivered} after {days} days.",
            "{merchant} charged me {amount} but the {thing} {neverShowedUp}.",
            "still waiting for {item} from {merchant}; I was billed {amount} {days} days ago.",
            "the parcel with {item} from {merchant} {markedDelivered}. I paid {amount}.",
        ],
        [DisputeCategories.Duplicate] =
        [
            "{merchant} {billedTwice} for the same purchase of {amount}.",
            "I see {twoCharges} of {amount} from {merchant}.",
            "the {amount} payment to {merchant} {wentThroughTwice}.",
            "I was {doubleCharged} by {merchant}: {amount} appears twice on the same day.",
        ],
        [DisputeCategories.Quality] =
        [
            "the {thing} I bought from {merchant} for {amount} {arrivedBroken}.",
            "{merchant} sent {item} that {notAsDescribed}; I paid {amount}.",
            "the {thing} from {merchant} {stoppedWorking} after {days} days. It cost {amount}.",
            "I received a {damaged} {thing} from {merchant} and want my {amount} back.",
        ],
        [DisputeCategories.Other] =
        [
            "I {cancelledSubscription} with {merchant} but was still charged {amount}.",
            "{merchant} {promised} but I have not seen the {amount} back.",
            "I was charged {amount} by {merchant} after the {freeTrial} I cancelled.",
            "the {amount} {fee} from {merchant} {neverExplained}.",
        ],
    };

    /// <summary>What each "other" core is about, in core order (part of the intent).</summary>
    public static readonly string[] OtherTopics = ["subscription", "refund-promised", "trial", "fee"];

    /// <summary>First-person denials; about half avoid every risk stem on purpose (paraphrases).</summary>
    public static readonly string[] Denials =
    [
        "never authorised", "did not authorise", "don't recognise", "have no idea about",
        "certainly did not make", "know nothing about", "never agreed to", "did not approve",
    ];

    public static readonly string[] ThirdPersonDenials =
    [
        "I never authorised", "I don't recognise", "was not made by me", "I have never heard of",
        "nobody in my household made", "I did not agree to",
    ];

    public static readonly string[] RiskDetails =
    [
        "My card was stolen last week.", "I think my account was hacked.", "Someone else must have used my card.",
        "My wallet went missing at the station.", "I lost my wallet on holiday.", "It was not me.",
        "My phone was taken and I believe the thief got into my banking app.", "The card may have been skimmed at a petrol pump.",
        "There are other payments I can't account for either.", "My details were compromised in a data breach.",
    ];

    public static readonly string[] BenignDetails =
    [
        "It may have been my mistake.", "I already spoke to the merchant and they promised a refund.",
        "I just want to clarify what this is.", "I got a partial refund but not the rest.",
        "Happy to send the receipt.", "I already contacted them twice.", "I may have ordered it by accident.",
        "The shop said they would sort it out.",
    ];

    public static readonly string[] Closings =
    [
        "Please help.", "Can you look into this?", "Thanks.", "I would like my money back.", "", "Regards.",
        "Please refund me as soon as possible.", "What are my options?",
    ];

    /// <summary>Items as (with article, bare) pairs: "I paid for {item}" and "the {thing} arrived broken".</summary>
    public static readonly (string Item, string Thing)[] Items =
    [
        ("a laptop", "laptop"), ("headphones", "headphones"), ("a winter coat", "winter coat"),
        ("concert tickets", "concert tickets"), ("a coffee machine", "coffee machine"), ("running shoes", "running shoes"),
        ("a phone case", "phone case"), ("a flight", "flight booking"), ("a hotel booking", "hotel booking"),
        ("furniture", "furniture"), ("a gift card", "gift card"), ("a watch", "watch"), ("groceries", "groceries"),
    ];

    public static readonly string[] Promises = ["promised a refund", "said they would reverse the charge", "agreed to refund me"];
}
