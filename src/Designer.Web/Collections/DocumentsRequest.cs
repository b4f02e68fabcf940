namespace Designer.Web.Collections;

/// <summary>The JSON body of <c>POST /api/collections/{name}/documents</c> (a bare array or <c>application/x-ndjson</c> lines are read too).</summary>
/// <param name="Documents">The documents to add or replace, at most the configured batch size.</param>
internal sealed record DocumentsRequest(IReadOnlyList<DocumentRequest> Documents);
