namespace Designer.Web.Collections;

/// <summary>The answer of <c>GET /api/collections</c>.</summary>
/// <param name="Items">Every collection the caller may see, with its model and counts.</param>
/// <param name="Backends">The vector backends available here.</param>
internal sealed record CollectionListResponse(IEnumerable<CollectionResponse> Items, IReadOnlyList<string> Backends);
