namespace Designer.Runtime.Expressions;

/// <summary>Why a sandboxed expression failed.</summary>
public enum ExpressionErrorKind
{
    /// <summary>The text is not valid JavaScript.</summary>
    Syntax,

    /// <summary>The expression threw (TypeError, ReferenceError, a thrown value, …).</summary>
    Runtime,

    /// <summary>The time limit elapsed.</summary>
    Timeout,

    /// <summary>The memory limit was exceeded.</summary>
    Memory,

    /// <summary>The recursion limit was exceeded.</summary>
    Recursion,

    /// <summary>The statement limit was exceeded.</summary>
    Statements,

    /// <summary>The result cannot be represented as JSON.</summary>
    Result,
}
