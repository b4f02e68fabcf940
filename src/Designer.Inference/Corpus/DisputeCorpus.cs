using System.Globalization;
using System.Text;

namespace Designer.Inference.Corpus;

/// <summary>
/// Deterministic generator of past customer disputes for the dispute-triage demo. The same seed always yields the
/// same records (a golden-hash test pins the default corpus), so the risk model and the retrieval collection
/// <c>past-disputes</c> see identical data on every machine.
/// </summary>
/// <remarks>
/// The <see cref="DisputeRecord.HighRisk"/> label is drawn from a hidden logistic ground truth over amount,
/// category, the merchant's true dispute rate, tenure and the narrative's risk/benign content, plus noise: a model
/// can learn it well but never perfectly.
/// </remarks>
public static class DisputeCorpus
{
    /// <summary>The number of records in the default corpus.</summary>
    public const int DefaultCount = 5000;

    /// <summary>Fixes the random draw, so that the default corpus (and every model trained on it) is the same on every machine.</summary>
    public const ulong DefaultSeed = 20261124;

    /// <summary>How many merchants the corpus draws from.</summary>
    public const int MerchantCount = 300;

    private static readonly double[] CategoryWeights = [0.22, 0.26, 0.14, 0.24, 0.14];
    private static readonly double[] CategoryEffects = [1.1, 0.3, -0.9, -0.5, -0.3];
    private static readonly string[] Currencies = ["EUR", "EUR", "USD", "GBP"];
    private static readonly DateOnly FirstDay = new(2025, 1, 1);
    private const ulong WordingSalt = 0x5DEECE66DUL;
    private static readonly Lazy<IReadOnlyList<DisputeRecord>> DefaultCorpus = new(() => Generate());

    /// <summary>The default corpus: <see cref="DefaultCount"/> records from <see cref="DefaultSeed"/>, generated once.</summary>
    public static IReadOnlyList<DisputeRecord> Default => DefaultCorpus.Value;

    /// <summary>Generates <paramref name="count"/> disputes from <paramref name="seed"/>.</summary>
    /// <param name="count">Number of records.</param>
    /// <param name="seed">PRNG seed; the same seed gives the same records.</param>
    public static IReadOnlyList<DisputeRecord> Generate(int count = DefaultCount, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new DeterministicRandom(seed);
        var merchants = MerchantCatalog.Create(random, MerchantCount);

        // Wording has its own stream: richer phrasing must not shift the facts and labels drawn from `random`.
        var wording = new DeterministicRandom(seed ^ WordingSalt);
        var records = new DisputeRecord[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = Next(random, wording, merchants, i + 1);
        }

        return records;
    }

    private static DisputeRecord Next(DeterministicRandom random, DeterministicRandom wording, IReadOnlyList<Merchant> merchants, int number)
    {
        var categoryIndex = PickWeighted(random, CategoryWeights);
        var category = DisputeCategories.All[categoryIndex];
        var merchant = merchants[random.Next(merchants.Count)];
        var amount = Math.Round((decimal)Math.Exp(merchant.TypicalLogAmount + (0.8 * random.NextGaussian())) + 1m, 2);
        var currency = random.Pick(Currencies);
        var tenure = Math.Min(360, 1 + (int)(-Math.Log(1.0 - random.NextDouble()) * 40));
        var openedOn = FirstDay.AddDays(random.Next(600));

        var isFraud = category == DisputeCategories.Fraud;
        var riskDetail = random.Chance(isFraud ? 0.6 : 0.08) ? random.Pick(NarrativePhrases.RiskDetails) : null;
        var benignDetail = random.Chance(isFraud ? 0.12 : 0.4) ? random.Pick(NarrativePhrases.BenignDetails) : null;
        var (narrative, intent) = Narrative(random, wording, category, merchant.Name, amount, currency, riskDetail, benignDetail);

        var logit = -1.1
            + (0.55 * (Math.Log((double)amount) - 4.0))
            + CategoryEffects[categoryIndex]
            + (9.0 * (merchant.TrueDisputeRate - 0.05))
            - (0.45 * Math.Log(1.0 + (tenure / 12.0)))
            + (riskDetail is null ? 0.0 : 1.4)
            - (benignDetail is null ? 0.0 : 0.9)
            + (0.5 * random.NextGaussian());
        var highRisk = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-logit));

        return new DisputeRecord(
            $"D-{number:D6}",
            category,
            amount,
            currency,
            merchant.Name,
            merchant.ObservedDisputeRate,
            tenure,
            openedOn,
            narrative,
            Resolution(random, category, highRisk),
            highRisk,
            intent);
    }

    private static (string Narrative, string Intent) Narrative(
        DeterministicRandom random,
        DeterministicRandom wording,
        string category,
        string merchant,
        decimal amount,
        string currency,
        string? riskDetail,
        string? benignDetail)
    {
        var item = random.Pick(NarrativePhrases.Items);
        var cores = NarrativePhrases.Cores[category];
        var coreIndex = random.Next(cores.Length);
        var form = wording.Pick(NarrativeWording.ItemForms[item.Thing]);
        var core = NarrativeWording.Fill(cores[coreIndex], wording)
            .Replace("{amount}", string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}"), StringComparison.Ordinal)
            .Replace("{merchant}", merchant, StringComparison.Ordinal)
            .Replace("{item}", form.Item, StringComparison.Ordinal)
            .Replace("{thing}", form.Thing, StringComparison.Ordinal)
            .Replace("{days}", (3 + random.Next(40)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{deny}", random.Pick(NarrativePhrases.Denials), StringComparison.Ordinal)
            .Replace("{denyThird}", random.Pick(NarrativePhrases.ThirdPersonDenials), StringComparison.Ordinal)
            .Replace("{promised}", random.Pick(NarrativePhrases.Promises), StringComparison.Ordinal);

        var text = new StringBuilder();
        Append(text, random.Pick(NarrativePhrases.Openings));
        Append(text, text.Length == 0 ? char.ToUpperInvariant(core[0]) + core[1..] : core);
        if (category is DisputeCategories.NotReceived or DisputeCategories.Quality && wording.Chance(0.8))
        {
            Append(text, wording.Pick(NarrativeWording.ItemContexts[item.Thing]));
        }

        // Details come before or after the core statement, so the same facts read differently.
        if (random.Chance(0.5))
        {
            Append(text, riskDetail);
            Append(text, benignDetail);
        }
        else
        {
            Append(text, benignDetail);
            Append(text, riskDetail);
        }

        Append(text, random.Pick(NarrativePhrases.Closings));
        return (text.ToString(), Intent(category, item.Thing, coreIndex));
    }

    private static string Intent(string category, string item, int coreIndex) => category switch
    {
        DisputeCategories.NotReceived or DisputeCategories.Quality => $"{category}:{item}",
        DisputeCategories.Other => $"{category}:{NarrativePhrases.OtherTopics[coreIndex]}",
        _ => category,
    };

    private static string Resolution(DeterministicRandom random, string category, bool highRisk) => (category, highRisk) switch
    {
        (DisputeCategories.Fraud, true) => random.Pick(ResolutionTexts.FraudConfirmed),
        (_, true) => random.Pick(ResolutionTexts.ChargebackLoss),
        (DisputeCategories.Duplicate, false) => random.Pick(ResolutionTexts.DuplicateRefunded),
        _ => random.Pick(ResolutionTexts.Benign),
    };

    private static void Append(StringBuilder text, string? part)
    {
        if (string.IsNullOrEmpty(part))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(part);
    }

    private static int PickWeighted(DeterministicRandom random, double[] weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
