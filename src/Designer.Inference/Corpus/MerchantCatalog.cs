namespace Designer.Inference.Corpus;

/// <summary>Builds a few hundred merchants from name parts, each with its own hidden dispute history.</summary>
internal static class MerchantCatalog
{
    private static readonly string[] Prefixes =
    [
        "Northwind", "Bluebird", "Silverline", "Oak & Ash", "Harbor", "Summit", "Lumen", "Copperfield", "Maple",
        "Orbit", "Redstone", "Brightwave", "Pioneer", "Velvet", "Granite", "Atlas", "Nimbus", "Cedar", "Falcon", "Quill",
    ];

    private static readonly (string Sector, double LogAmount)[] Sectors =
    [
        ("Electronics", 5.3), ("Travel", 6.0), ("Fashion", 4.2), ("Groceries", 3.4), ("Streaming", 2.6),
        ("Home Goods", 4.8), ("Tickets", 4.5), ("Marketplace", 4.0), ("Fitness", 3.6), ("Gaming", 3.2),
        ("Pharmacy", 3.0), ("Outdoor", 4.6), ("Jewellery", 5.6), ("Pet Supplies", 3.5), ("Books", 3.1),
    ];

    public static IReadOnlyList<Merchant> Create(DeterministicRandom random, int count)
    {
        var merchants = new List<Merchant>(count);
        for (var i = 0; i < count; i++)
        {
            var prefix = Prefixes[i % Prefixes.Length];
            var sector = Sectors[(i / Prefixes.Length) % Sectors.Length];
            var suffix = i >= Prefixes.Length * Sectors.Length ? $" {(i / (Prefixes.Length * Sectors.Length)) + 1}" : string.Empty;

            // Most merchants are clean; a long tail has many disputes (lognormal around 4%).
            var trueRate = Math.Clamp(0.04 * Math.Exp(0.9 * random.NextGaussian()), 0.002, 0.6);
            var observed = Math.Round(Math.Clamp(trueRate * Math.Exp(0.3 * random.NextGaussian()), 0.0, 1.0), 4);
            merchants.Add(new Merchant($"{prefix} {sector.Sector}{suffix}", trueRate, observed, sector.LogAmount));
        }

        return merchants;
    }
}
