using System.Net;
using Designer.Runtime.Actions;

namespace Designer.Runtime.Tests.Actions;

/// <summary>Issue 16: an action reaches only URLs under its connection's base URL (no SSRF), and statuses pick ports.</summary>
public sealed class Issue16ActionUrlResolverTests
{
    private static readonly Uri Base = new("https://payments.example.com/api/v1/");

    [Theory]
    [InlineData("refunds/C-42", "https://payments.example.com/api/v1/refunds/C-42")]
    [InlineData("/refunds/C-42", "https://payments.example.com/api/v1/refunds/C-42")]
    [InlineData("refunds?case=C-42&full=true", "https://payments.example.com/api/v1/refunds?case=C-42&full=true")]
    [InlineData("", "https://payments.example.com/api/v1/")]
    [InlineData("cases/a%20b", "https://payments.example.com/api/v1/cases/a%20b")]
    public void TryResolve_PathUnderBase_ResolvesUnderBase(string path, string expected)
    {
        // Act
        var ok = ActionUrlResolver.TryResolve(Base, path, out var url, out var error);

        // Assert
        Assert.True(ok, error);
        Assert.Equal(expected, url!.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example/steal")]
    [InlineData("http://payments.example.com/api/v1/refunds")]
    [InlineData("//evil.example/steal")]
    [InlineData("../admin")]
    [InlineData("refunds/../../admin")]
    [InlineData("refunds/%2e%2e/%2E%2E/admin")]
    [InlineData("refunds/..%2f..%2fadmin")]
    [InlineData("./refunds")]
    [InlineData("\\\\evil.example\\share")]
    [InlineData("refunds\\..\\..\\admin")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("user:pass@evil.example/x")]
    [InlineData("refunds/\r\nHost: evil.example")]
    [InlineData("http:evil.example")]
    public void TryResolve_PathLeavingBase_IsRefused(string path)
    {
        // Act
        var ok = ActionUrlResolver.TryResolve(Base, path, out var url, out var error);

        // Assert
        Assert.False(ok, $"resolved to {url}");
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryResolve_BaseWithoutTrailingSlash_StaysUnderItsLastSegment()
    {
        // Arrange: without the slash, RFC 3986 would replace "v1"; the resolver keeps it.
        var root = new Uri("https://payments.example.com/api/v1");

        // Act
        var ok = ActionUrlResolver.TryResolve(root, "refunds", out var url, out _);

        // Assert
        Assert.True(ok);
        Assert.Equal("https://payments.example.com/api/v1/refunds", url!.AbsoluteUri);
    }

    [Theory]
    [InlineData(200, "ok")]
    [InlineData(201, "ok")]
    [InlineData(204, "ok")]
    [InlineData(302, "client-error")]
    [InlineData(400, "client-error")]
    [InlineData(404, "client-error")]
    [InlineData(409, "client-error")]
    [InlineData(429, "client-error")]
    [InlineData(500, "server-error")]
    [InlineData(503, "server-error")]
    public void PortFor_Status_PicksPort(int status, string port)
    {
        // Act / Assert
        Assert.Equal(port, ActionServices.PortFor((HttpStatusCode)status));
    }

    [Theory]
    [InlineData("GET", false, true)]
    [InlineData("PUT", false, true)]
    [InlineData("DELETE", false, true)]
    [InlineData("POST", false, false)]
    [InlineData("PATCH", false, false)]
    [InlineData("POST", true, true)]
    [InlineData("PATCH", true, true)]
    public void Retryable_MethodAndKey_OnlyIdempotentOrKeyedCalls(string method, bool key, bool expected)
    {
        // Arrange
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://payments.example.com/");
        if (key)
        {
            request.Headers.Add(ActionServices.IdempotencyHeader, "run:node:1");
        }

        // Act / Assert
        Assert.Equal(expected, ActionServices.Retryable(request));
    }

    [Fact]
    public void Validate_BadConnections_ListsEveryProblem()
    {
        // Arrange
        var options = new ActionOptions
        {
            Connections =
            {
                ["ftp"] = new ActionConnectionOptions { BaseUrl = "ftp://files.example.com/" },
                ["relative"] = new ActionConnectionOptions { BaseUrl = "/api" },
                ["creds"] = new ActionConnectionOptions { BaseUrl = "https://user:pw@pay.example.com/" },
                ["both"] = new ActionConnectionOptions
                {
                    BaseUrl = "https://pay.example.com/", AuthHeader = "X-Key", AuthValue = "k", BearerSecret = "s",
                    AllowedMethods = ["TRACE"], Retries = 11, Timeout = TimeSpan.Zero,
                },
                ["bad name!"] = new ActionConnectionOptions { BaseUrl = "https://pay.example.com/" },
            },
        };

        // Act
        var problems = ActionOptionsValidator.Problems(options);

        // Assert
        Assert.Contains(problems, p => p.Contains("ftp:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("relative:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("creds:BaseUrl must not carry user info", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("both: set AuthHeader/AuthValue or BearerSecret", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("both:AllowedMethods: 'TRACE'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("both:Retries", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("both:Timeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("bad name!: the name", StringComparison.Ordinal));
    }
}
