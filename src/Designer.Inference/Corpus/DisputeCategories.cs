namespace Designer.Inference.Corpus;

/// <summary>The dispute categories, in the order of the one-hot feature block.</summary>
public static class DisputeCategories
{
    /// <summary>Unauthorised use of the card or account.</summary>
    public const string Fraud = "fraud";

    /// <summary>Goods or services paid for but not received.</summary>
    public const string NotReceived = "not-received";

    /// <summary>Charged more than once.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Received but defective or not as described.</summary>
    public const string Quality = "quality";

    /// <summary>Anything else (subscriptions, refunds not processed, …).</summary>
    public const string Other = "other";

    /// <summary>All categories in feature order.</summary>
    public static IReadOnlyList<string> All { get; } = [Fraud, NotReceived, Duplicate, Quality, Other];
}
