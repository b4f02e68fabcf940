namespace Designer.Runtime.Tests.Actions;

/// <summary>One request as the receiver saw it.</summary>
internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
