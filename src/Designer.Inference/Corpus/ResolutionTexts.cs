namespace Designer.Inference.Corpus;

/// <summary>Resolution notes written by the (simulated) dispute team.</summary>
internal static class ResolutionTexts
{
    public static readonly string[] FraudConfirmed =
    [
        "Fraud confirmed; card blocked and reissued, full chargeback raised.",
        "Account takeover confirmed. Credentials reset, customer refunded in full.",
        "Unauthorised use confirmed by the fraud team; loss written off.",
    ];

    public static readonly string[] ChargebackLoss =
    [
        "Chargeback raised; merchant did not respond and the bank absorbed the loss.",
        "Escalated to second review; refund issued pending merchant evidence that never came.",
        "Merchant unreachable; provisional credit made permanent.",
    ];

    public static readonly string[] DuplicateRefunded =
    [
        "Duplicate confirmed; merchant reversed the second charge.",
        "Second authorisation was a pending hold and dropped off; no action needed.",
    ];

    public static readonly string[] Benign =
    [
        "Merchant provided proof of delivery; customer informed and case closed.",
        "Refund processed by the merchant after our contact.",
        "Customer withdrew the dispute after clarification.",
        "Partial refund agreed between customer and merchant.",
    ];
}
