using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Designer.Web.Hosting;

/// <summary>
/// One key ring for the cluster, in the database every web host shares, so a cookie or token issued by one host is
/// accepted by the others; the keys are encrypted at rest with a certificate (the Linux stand-in for DPAPI-NG).
/// </summary>
internal static class DataProtectionSetup
{
    public static void AddDesignerDataProtection(IServiceCollection services, SecurityOptions security, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("Designer")
            .PersistKeysToDbContext<DesignerDbContext>();

        if (!string.IsNullOrWhiteSpace(security.DataProtectionCertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                security.DataProtectionCertificatePath, security.DataProtectionCertificatePassword,
                X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"{SecurityOptions.SectionName}:DataProtectionCertificatePath has no private key.");
            }

            // Linux has no certificate store the decryptor could search, so name the certificate for reading too.
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"Production needs {SecurityOptions.SectionName}:DataProtectionCertificatePath (a .pfx with a private key) "
                + "to encrypt the data-protection keys stored in the database.");
        }
    }
}
