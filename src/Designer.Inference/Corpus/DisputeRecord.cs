namespace Designer.Inference.Corpus;

/// <summary>One past customer dispute of the generated corpus (also ingested by retrieval as <c>past-disputes</c>).</summary>
/// <param name="Id">Stable id, <c>D-000001</c> onwards.</param>
/// <param name="Category">One of <see cref="DisputeCategories.All"/>.</param>
/// <param name="Amount">Disputed amount in <paramref name="Currency"/>, two decimals.</param>
/// <param name="Currency">ISO code: EUR, USD or GBP.</param>
/// <param name="Merchant">Merchant display name.</param>
/// <param name="MerchantDisputeRate">
/// The merchant's observed historical dispute rate (a noisy estimate of a hidden true rate), in [0, 1].
/// </param>
/// <param name="CustomerTenureMonths">How long the customer has banked with us.</param>
/// <param name="OpenedOn">When the dispute was opened.</param>
/// <param name="Narrative">The customer's free-text account.</param>
/// <param name="Resolution">What the bank did.</param>
/// <param name="HighRisk">The outcome label: the dispute turned out high-risk (fraud confirmed or loss incurred).</param>
/// <param name="Intent">
/// What the complaint is about, whatever its wording: the category, plus the item for <c>not-received</c> and
/// <c>quality</c> (e.g. <c>quality:coffee machine</c>) and the topic for <c>other</c> (e.g. <c>other:trial</c>).
/// Retrieval's paraphrase benchmark judges relevance by it.
/// </param>
public sealed record DisputeRecord(
    string Id,
    string Category,
    decimal Amount,
    string Currency,
    string Merchant,
    double MerchantDisputeRate,
    int CustomerTenureMonths,
    DateOnly OpenedOn,
    string Narrative,
    string Resolution,
    bool HighRisk,
    string Intent = "");
