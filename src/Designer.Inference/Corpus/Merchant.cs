namespace Designer.Inference.Corpus;

/// <summary>A generated merchant with a hidden true dispute rate and the noisy rate the bank observes.</summary>
internal sealed record Merchant(string Name, double TrueDisputeRate, double ObservedDisputeRate, double TypicalLogAmount);
