namespace Designer.Web.Demo;

/// <summary>The key the demo receiver expects, the same value the <c>demo-refunds</c> connection sends.</summary>
/// <param name="Value">The shared secret callers send in the key header.</param>
internal sealed record DemoReceiverKey(string Value);
