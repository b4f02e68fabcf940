using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Designer.Persistence;
using Designer.Web.Hosting;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Designer.Web.Tests.Api;

/// <summary>Issue 14 item 2: a production start seeds no demo, needs an administrator and protects its keys.</summary>
public sealed class Issue14ProductionDefaultsTests
{
    private const string AdminEmail = "root@example.test";
    private const string AdminPassword = "Root-pass-77";
    private const string CertificatePassword = "cert-pass";

    [Fact]
    public async Task Start_Issue14_ProductionWithAdminFromEnvironment_SeedsNoDemoAndCreatesTheAdmin()
    {
        // Arrange: no Designer:Demo:Seed at all, as in a published image.
        await using var factory = new DesignerWebFactory();
        var certificate = WriteCertificate(factory.DataDirectory);
        await using var production = Production(factory, certificate, admin: true);
        var client = production.CreateClient();

        // Act
        var demo = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@demo.local", password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken);
        var publicDemo = await client.PostAsJsonAsync("/api/auth/login", new { email = "approver@demo.local", password = DemoOptions.PublicPassword }, TestContext.Current.CancellationToken);
        var admin = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, publicDemo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var token = (await admin.ReadObjectAsync())["accessToken"]!.GetValue<string>();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var body = await (await client.SendAsync(me, TestContext.Current.CancellationToken)).ReadObjectAsync();
        Assert.Equal(["admin"], body["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Start_Issue14_ProductionWithoutAdmin_RefusesToStart()
    {
        await using var factory = new DesignerWebFactory();
        var certificate = WriteCertificate(factory.DataDirectory);
        await using var production = Production(factory, certificate, admin: false);

        var ex = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("No administrator exists", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Issue14_ProductionWithoutKeyCertificate_RefusesToStart()
    {
        await using var factory = new DesignerWebFactory();
        await using var production = Production(factory, certificate: null, admin: true);

        var ex = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("DataProtectionCertificatePath", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Issue14_ProductionDemoWithPublicPassword_RefusesToStart()
    {
        await using var factory = new DesignerWebFactory();
        var certificate = WriteCertificate(factory.DataDirectory);
        await using var production = Production(factory, certificate, admin: true, b =>
        {
            b.UseSetting("Designer:Demo:Seed", "true");
            b.UseSetting("Designer:Demo:Password", DemoOptions.PublicPassword);
        });

        var ex = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("public demo password", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_Issue14_Production_StoredInTheDatabaseEncryptedWithTheCertificate()
    {
        await using var factory = new DesignerWebFactory();
        var certificate = WriteCertificate(factory.DataDirectory);
        await using var production = Production(factory, certificate, admin: true);
        var client = production.CreateClient();

        // A login issues a bearer token, which needs a key.
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = AdminEmail, password = AdminPassword }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();

        var contexts = production.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml!, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted form", xml!, StringComparison.Ordinal);
        });
        Assert.False(Directory.Exists(Path.Combine(factory.DataDirectory, "keys")), "no key files beside the database");
    }

    [Fact]
    public async Task Token_Issue14_IssuedByOneHost_AcceptedByAnotherHostOfTheSameDatabase()
    {
        // Arrange: host A issues a token; host B has its own data directory but the same database.
        string token;
        string database;
        await using (var first = new DesignerWebFactory { KeepData = true })
        {
            database = $"Data Source={Path.Combine(first.DataDirectory, "designer.db")}";
            var client = first.CreateClient();
            var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "viewer@demo.local", password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken);
            token = (await login.ReadObjectAsync())["accessToken"]!.GetValue<string>();
        }

        await using var second = new DesignerWebFactory();
        second.Settings["Designer:Storage:ConnectionString"] = database;
        var other = second.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Act
        var me = await other.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task LoginPage_Issue14_OutsideDevelopment_ShowsNoDemoCredentials()
    {
        await using var factory = new DesignerWebFactory();

        var page = await factory.CreateClient().GetStringAsync("/login", TestContext.Current.CancellationToken);

        Assert.Contains("Log in", page, StringComparison.Ordinal);
        Assert.DoesNotContain("demo.local", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo users", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiAndScalar_Issue14_OutsideDevelopment_NeedAuthentication()
    {
        await using var factory = new DesignerWebFactory();
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var viewer = await factory.ClientForAsync("viewer");

        var anonymousDocument = await anonymous.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var anonymousScalar = await anonymous.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);
        var document = await viewer.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, anonymousDocument.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymousScalar.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [Fact]
    public async Task DemoReceiver_Issue16_ProductionWithDemoSeeded_NotFoundAndDemoSeededWithoutRefund()
    {
        // Arrange: even a production host that seeds the demo has no receiver, no demo-refunds connection and no refund step.
        await using var factory = new DesignerWebFactory();
        var certificate = WriteCertificate(factory.DataDirectory);
        await using var production = Production(factory, certificate, admin: true, b => b.UseSetting("Designer:Demo:Seed", "true"));
        var client = production.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        // Act
        var page = await client.GetAsync("/demo/receiver", ct);
        var refund = await client.PostAsync("/demo/receiver/refunds", ApiClientExtensions.Json("{}"), ct);
        var reverse = await client.DeleteAsync("/demo/receiver/refunds/rf-0001", ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refund.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reverse.StatusCode);
        Assert.Null(production.Services.GetService<Designer.Web.Demo.DemoReceiver>());
        var store = production.Services.GetRequiredService<IWorkflowStore>();
        var seeded = Assert.Single((await store.ListWorkflowsAsync(1, 10, "Dispute triage", ct)).Items);
        var draft = await store.GetDraftAsync(seeded.Id, ct);
        Assert.DoesNotContain(WorkflowJson.Parse(draft!.DefinitionJson).Definition!.Nodes, n => n.Id == "refund");
    }

    [Theory]
    [InlineData("Development", null, true)]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", true, true)]
    [InlineData("Development", false, false)]
    public void SeedsDemo_Issue14_OnlyDevelopmentUnlessExplicit(string environment, bool? seed, bool expected)
    {
        var options = new DemoOptions { Seed = seed };

        Assert.Equal(expected, options.SeedsDemo(new HostingEnvironment { EnvironmentName = environment }));
    }

    private static WebApplicationFactoryProduction Production(
        DesignerWebFactory factory, string? certificate, bool admin, Action<IWebHostBuilder>? more = null) =>
        new(factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(Environments.Production);
            // As a published image: the factory's explicit demo seed is taken away again.
            b.UseSetting("Designer:Demo:Seed", null);
            if (certificate is not null)
            {
                b.UseSetting("Designer:Security:DataProtectionCertificatePath", certificate);
                b.UseSetting("Designer:Security:DataProtectionCertificatePassword", CertificatePassword);
            }

            if (admin)
            {
                b.UseSetting("Designer:Security:AdminEmail", AdminEmail);
                b.UseSetting("Designer:Security:AdminPassword", AdminPassword);
            }

            more?.Invoke(b);
        }));

    private static string WriteCertificate(string directory)
    {
        Directory.CreateDirectory(directory);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=designer-test-dataprotection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, "dataprotection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    /// <summary>Disposes the derived factory (the base one owns the data directory).</summary>
    private sealed class WebApplicationFactoryProduction(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> inner) : IAsyncDisposable
    {
        public IServiceProvider Services => inner.Services;

        public HttpClient CreateClient() => inner.CreateClient();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
