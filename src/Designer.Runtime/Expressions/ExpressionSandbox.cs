using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Acornima;
using Jint;
using Jint.Native;
using Jint.Runtime;
using JintJsonParser = Jint.Native.Json.JsonParser;
using JintJsonSerializer = Jint.Native.Json.JsonSerializer;

namespace Designer.Runtime.Expressions;

/// <summary>
/// Evaluates JavaScript expressions in Jint with time, memory, recursion and statement limits, strict mode, no
/// CLR access and no string compilation. Thread-safe: every evaluation gets its own engine, so runs never share
/// globals.
/// </summary>
/// <remarks>
/// Variables go in as JSON text parsed by the engine's own <c>JSON.parse</c>, and results come back through
/// <c>JSON.stringify</c>: no host object ever becomes reachable from script.
/// </remarks>
public sealed class ExpressionSandbox
{
    private readonly ExpressionOptions _options;

    /// <summary>Creates a sandbox.</summary>
    /// <param name="options">Limits; <see cref="ExpressionOptions.Default"/> when null.</param>
    public ExpressionSandbox(ExpressionOptions? options = null)
    {
        _options = options ?? ExpressionOptions.Default;
    }

    /// <summary>The limits in force.</summary>
    public ExpressionOptions Options => _options;

    /// <summary>Evaluates one expression.</summary>
    /// <param name="expression">JavaScript expression.</param>
    /// <param name="variables">Top-level variables (e.g. <c>input</c>, <c>nodes</c>), as JSON.</param>
    /// <returns>The result as JSON; null for <c>null</c> or <c>undefined</c>.</returns>
    /// <exception cref="ExpressionException">Syntax error, runtime error or an exceeded limit.</exception>
    public JsonNode? Evaluate(string expression, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var engine = CreateEngine(variables, expression);
        var value = Run(engine, expression);
        return ToJson(engine, value, expression);
    }

    /// <summary>Evaluates a boolean rule using JavaScript truthiness.</summary>
    /// <param name="expression">JavaScript expression.</param>
    /// <param name="variables">Top-level variables, as JSON.</param>
    /// <returns>Whether the result is truthy.</returns>
    /// <exception cref="ExpressionException">Syntax error, runtime error or an exceeded limit.</exception>
    public bool EvaluateBoolean(string expression, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        var engine = CreateEngine(variables, expression);
        return TypeConverter.ToBoolean(Run(engine, expression));
    }

    /// <summary>
    /// Renders a template whose <c>{{ expression }}</c> placeholders are evaluated over the same variables. Strings
    /// render as-is, null and undefined as empty text, everything else as JSON.
    /// </summary>
    /// <param name="template">Template text, e.g. <c>Review {{input.category}}</c>.</param>
    /// <param name="variables">Top-level variables, as JSON.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="ExpressionException">A placeholder failed or the template is malformed.</exception>
    public string Render(string template, JsonObject variables)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(variables);
        var builder = new StringBuilder(template.Length);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                builder.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new ExpressionException(ExpressionErrorKind.Syntax, template, $"The placeholder opened at offset {open} is never closed.");
            }

            builder.Append(template, position, open - position);
            var expression = template[(open + 2)..close].Trim();
            var value = Evaluate(expression, variables);
            builder.Append(value switch
            {
                null => string.Empty,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => value.ToJsonString(),
            });
            position = close + 2;
        }

        return builder.ToString();
    }

    private Engine CreateEngine(JsonObject variables, string expression)
    {
        var engine = new Engine(options =>
        {
            options.LimitMemory(_options.MemoryLimitBytes);
            options.TimeoutInterval(_options.TimeLimit);
            options.LimitRecursion(_options.RecursionLimit);
            options.MaxStatements(_options.MaxStatements);
            options.Constraints.MaxArraySize = _options.MaxArraySize;
            // .NET regexes ignore Jint's statement clock; without this a backtracking pattern runs for Jint's 10 s default.
            options.Constraints.RegexTimeout = _options.TimeLimit;
            options.Strict();
            options.DisableStringCompilation();
        });

        try
        {
            var parser = new JintJsonParser(engine);
            foreach (var (name, value) in variables)
            {
                engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
            }
        }
        catch (Exception ex) when (ex is JavaScriptException or MemoryLimitExceededException)
        {
            throw new ExpressionException(ExpressionErrorKind.Memory, expression, $"The run variables are too large for the expression sandbox: {ex.Message}", ex);
        }

        AllocationGuards.Install(engine, _options.MemoryLimitBytes);

        // Counting restarts per evaluation: the constraints measure from engine creation otherwise.
        engine.Constraints.Reset();
        return engine;
    }

    private JsValue Run(Engine engine, string expression)
    {
        try
        {
            return engine.Evaluate(expression);
        }
        catch (ParseErrorException ex)
        {
            throw Fail(ExpressionErrorKind.Syntax, expression, $"syntax error: {ex.Error?.Description ?? ex.Message} (line {ex.LineNumber}, column {ex.Column})", ex);
        }
        catch (TimeoutException ex)
        {
            // Also RegexMatchTimeoutException: the regex timeout is the expression's time limit.
            throw Fail(ExpressionErrorKind.Timeout, expression, $"expression exceeded its {Ms(_options.TimeLimit)} ms time limit", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw Fail(ExpressionErrorKind.Memory, expression, $"expression exceeded its {_options.MemoryLimitBytes / 1024 / 1024} MB memory limit", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw Fail(ExpressionErrorKind.Recursion, expression, $"expression exceeded its recursion limit of {_options.RecursionLimit} calls", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw Fail(ExpressionErrorKind.Statements, expression, $"expression exceeded its limit of {_options.MaxStatements} statements", ex);
        }
        catch (JavaScriptException ex) when (AllocationGuards.IsBreach(ex))
        {
            throw Fail(ExpressionErrorKind.Memory, expression, $"expression exceeded its {_options.MemoryLimitBytes / 1024 / 1024} MB memory limit ({AllocationGuards.Describe(ex)})", ex);
        }
        catch (JavaScriptException ex) when (IsSyntaxError(ex))
        {
            // Jint reports parse failures of the evaluated script as a JavaScript SyntaxError.
            throw Fail(ExpressionErrorKind.Syntax, expression, $"syntax error: {ex.Message} (line {ex.Location.Start.Line}, column {ex.Location.Start.Column + 1})", ex);
        }
        catch (JavaScriptException ex)
        {
            throw Fail(ExpressionErrorKind.Runtime, expression, $"expression threw {ex.Error}", ex);
        }
        catch (Exception ex) when (ex is JintException or InvalidOperationException or ArgumentException or InsufficientExecutionStackException or OutOfMemoryException)
        {
            throw Fail(ExpressionErrorKind.Runtime, expression, $"expression failed: {ex.Message}", ex);
        }
    }

    private static bool IsSyntaxError(JavaScriptException ex) =>
        ex.Error.IsObject() && ex.Error.AsObject().Get("name").ToString() == "SyntaxError";

    private static JsonNode? ToJson(Engine engine, JsValue value, string expression)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        try
        {
            var text = new JintJsonSerializer(engine).Serialize(value);
            return text.IsString() ? JsonNode.Parse(text.AsString()) : null;
        }
        catch (Exception ex) when (ex is JavaScriptException or JintException or System.Text.Json.JsonException)
        {
            throw Fail(ExpressionErrorKind.Result, expression, $"expression result is not JSON: {ex.Message}", ex);
        }
    }

    private static ExpressionException Fail(ExpressionErrorKind kind, string expression, string message, Exception inner) =>
        new(kind, expression, $"{message} [{Shorten(expression)}]", inner);

    private static string Shorten(string expression) => expression.Length <= 80 ? expression : expression[..77] + "...";

    private static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
}
