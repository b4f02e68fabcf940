using System.Globalization;
using Designer.Inference.Corpus;
using Designer.Inference.Training;

namespace Designer.Inference.Benchmarks;

/// <summary>
/// Issue 13: chooses the stricter demo version's <c>high-risk</c> threshold on a validation slice of the dispute
/// generator (records 6,001–7,000 of the default seed), disjoint from the 5,000 records that train
/// <c>dispute-risk</c> and fill <c>past-disputes</c> (1–5,000) and from the held-out set (5,001–6,000), so the
/// held-out numbers stay untouched by the choice.
/// </summary>
/// <remarks>
/// It replays the demo's decision without the runtime: the bootstrap model trained exactly as the app trains it
/// (<see cref="RiskModelTrainer.TrainOnCorpus"/>), the row the demo's model node builds (since issue 13's last pass
/// the start schema carries <c>merchantDisputeRate</c> and the node maps it, as in training; the earlier row with 0
/// there is printed second for comparison), <c>low-confidence</c> below 0.6 (the
/// node's <c>minConfidence</c>; confidence is the larger class probability) goes to review, then the policy's rules in
/// order: fraud, amount over 5,000, risk score over the threshold → review, otherwise auto-resolve. Latency-SLO
/// breaches (timing, not data) are not modelled.
/// </remarks>
internal static class DemoThresholdValidation
{
    public const int FirstRecord = 6001;
    public const int Count = 1000;

    public static void Run(int firstRecord = FirstRecord, int count = Count)
    {
        var model = RiskModelTrainer.TrainOnCorpus();
        var records = DisputeCorpus.Generate(firstRecord - 1 + count, DisputeCorpus.DefaultSeed).Skip(firstRecord - 1).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"records {firstRecord:N0}–{firstRecord + count - 1:N0} of seed {DisputeCorpus.DefaultSeed}: {records.Count(r => r.HighRisk)} high-risk"));
        Print(model, records, count, merchantRate: true);

        // For comparison: the earlier demo, whose node passed no merchant dispute rate (0 in the row).
        Console.WriteLine("-- without the merchant's dispute rate (the demo before it was a start field) --");
        Print(model, records, count, merchantRate: false);
    }

    private static void Print(TrainedRiskModel model, DisputeRecord[] records, int count, bool merchantRate)
    {
        var scored = records.Select(r => (Record: r, P: model.PredictProbability(DisputeFeatures.Extract(
            r.Amount, r.Category, merchantRate ? r.MerchantDisputeRate : 0.0, r.CustomerTenureMonths, r.Narrative)))).ToArray();
        Console.WriteLine("threshold  amount cap  automated  automation  wrong  wrong-rate  wilson95");
        double[] thresholds = [0.7, 0.5, 0.4, 0.3, 0.25, 0.2, 0.18, 0.17, 0.16, 0.15, 0.14, 0.13, 0.12, 0.11, 0.1, 0.08, 0.05, 0.03, 0.02];
        decimal[] amountCaps = merchantRate ? [5000m, 1000m] : [5000m];
        foreach (var cap in amountCaps)
        {
            foreach (var t in thresholds)
            {
                var automated = scored.Where(s => Automates(s.Record, s.P, t, cap)).ToArray();
                var wrong = automated.Count(s => s.Record.HighRisk);
                var (low, high) = Wilson(wrong, automated.Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{t,9:0.00}  {cap,10:0}  {automated.Length,9}  {100.0 * automated.Length / count,9:0.0}%  {wrong,5}  {100.0 * wrong / Math.Max(1, automated.Length),9:0.00}%  {100 * low:0.0}–{100 * high:0.0}%"));
            }
        }
    }

    private static bool Automates(DisputeRecord record, double p, double threshold, decimal amountCap)
    {
        var confidence = Math.Max(p, 1 - p);
        return confidence >= 0.6 && record.Category != DisputeCategories.Fraud && record.Amount <= amountCap && !(p > threshold);
    }

    private static (double Low, double High) Wilson(int successes, int n)
    {
        if (n == 0)
        {
            return (0, 1);
        }

        const double z = 1.959964;
        var p = successes / (double)n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
