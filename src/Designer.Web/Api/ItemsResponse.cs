namespace Designer.Web.Api;

/// <summary>A list answered as <c>{"items": [...]}</c>, typed so the OpenAPI document describes the items.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">Every item of the answer, in the order the endpoint returns them.</param>
internal sealed record ItemsResponse<T>(IEnumerable<T> Items);
