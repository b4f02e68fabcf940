namespace Designer.Inference.Corpus;

/// <summary>
/// SplitMix64: a tiny PRNG whose sequence is fixed by its published algorithm, unlike <see cref="Random"/>, whose
/// seeded sequence is an implementation detail of the runtime. The corpus must stay byte-stable across .NET versions.
/// </summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 bits of precision.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal via Box–Muller.</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
