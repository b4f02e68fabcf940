namespace Designer.Workflows.Catalogue.Configs;

/// <summary>
/// The compensating call of an action node. Its templates see the run variables plus <c>response</c> (the action's
/// <c>status</c> and <c>body</c>) and are rendered when the action succeeds, so the undo names what the receiver
/// created (a refund id, say) even if later nodes change the variables.
/// </summary>
public sealed class ActionCompensationConfig
{
    /// <summary>HTTP method, one of <see cref="ActionConfig.Methods"/>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>Path template relative to the action's connection, e.g. <c>refunds/{{response.body.id}}/reverse</c>.</summary>
    public string PathTemplate { get; set; } = string.Empty;

    /// <summary>Header name → value template.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Request body template (sent with the action's content type); none for a bodiless request.</summary>
    public string? BodyTemplate { get; set; }
}
