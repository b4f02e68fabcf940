namespace Designer.Inference.Corpus;

/// <summary>
/// A deterministic held-out set of paraphrased search queries over the dispute corpus. The query templates are never
/// used by the narrative generator (their sentence frames are new); their complaint and item words are drawn from the
/// same synonym slots, so a query usually says it differently from most relevant disputes — "my espresso maker
/// packed in" for disputes about a coffee machine that stopped working. Relevance is the dispute's intent.
/// </summary>
public static class DisputeParaphraseQueries
{
    /// <summary>The seed of the default query set (distinct from the corpus seed).</summary>
    public const ulong DefaultSeed = 4242;

    private static readonly string[] ItemTemplates =
    [
        "no sign of my {thing} so far", "ordered {item} but {neverArrived}", "where is my {thing}, it {notDelivered}",
        "{thing} parcel {markedDelivered}",
    ];

    private static readonly string[] QualityTemplates =
    [
        "{thing} {arrivedBroken}", "my new {thing} {stoppedWorking}", "got a {damaged} {thing}", "the {thing} {notAsDescribed}",
    ];

    private static readonly Dictionary<string, string[]> OtherTemplates = new(StringComparer.Ordinal)
    {
        [DisputeCategories.Fraud] = ["payment taken {withoutConsent}", "someone used my card {withoutConsent}", "a purchase I {deny}"],
        [DisputeCategories.Duplicate] = ["{doubleCharged} for one order", "{twoCharges} for a single purchase", "my payment {wentThroughTwice}", "the shop {billedTwice}"],
        ["other:subscription"] = ["still paying after I {cancelledSubscription}", "money taken although I {cancelledSubscription}"],
        ["other:refund-promised"] = ["the shop {promised} and nothing happened", "waiting for the money they {promised}"],
        ["other:trial"] = ["billed when the {freeTrial} ended", "payment taken after a {freeTrial}"],
        ["other:fee"] = ["what is this {fee}", "unexpected {fee} that {neverExplained}"],
    };

    /// <summary>Every intent the query set covers, in a fixed order.</summary>
    public static IReadOnlyList<string> Intents { get; } =
    [
        DisputeCategories.Fraud, DisputeCategories.Duplicate, "other:subscription", "other:refund-promised", "other:trial", "other:fee",
        .. NarrativeWording.ItemForms.Keys.Select(item => $"{DisputeCategories.NotReceived}:{item}"),
        .. NarrativeWording.ItemForms.Keys.Select(item => $"{DisputeCategories.Quality}:{item}"),
    ];

    /// <summary>Generates <paramref name="perIntent"/> queries for each of <see cref="Intents"/>.</summary>
    /// <param name="perIntent">Queries per intent.</param>
    /// <param name="seed">PRNG seed.</param>
    public static IReadOnlyList<ParaphraseQuery> Generate(int perIntent = 6, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perIntent, 1);
        var random = new DeterministicRandom(seed);
        var queries = new List<ParaphraseQuery>();
        foreach (var intent in Intents)
        {
            for (var i = 0; i < perIntent; i++)
            {
                queries.Add(new ParaphraseQuery(Compose(intent, random), intent));
            }
        }

        return queries;
    }

    private static string Compose(string intent, DeterministicRandom random)
    {
        var separator = intent.IndexOf(':', StringComparison.Ordinal);
        var category = separator < 0 ? intent : intent[..separator];
        string template;
        var form = ("", "");
        if (category is DisputeCategories.NotReceived or DisputeCategories.Quality)
        {
            template = random.Pick(category == DisputeCategories.Quality ? QualityTemplates : ItemTemplates);
            form = random.Pick(NarrativeWording.ItemForms[intent[(separator + 1)..]]);
        }
        else
        {
            template = random.Pick(OtherTemplates[intent]);
        }

        return NarrativeWording.Fill(template, random)
            .Replace("{item}", form.Item1, StringComparison.Ordinal)
            .Replace("{thing}", form.Item2, StringComparison.Ordinal)
            .Replace("{deny}", random.Pick(NarrativePhrases.Denials), StringComparison.Ordinal)
            .Replace("{promised}", random.Pick(NarrativePhrases.Promises), StringComparison.Ordinal);
    }
}
