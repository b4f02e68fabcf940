using Microsoft.Extensions.Options;

namespace Designer.Web.Hosting;

/// <summary>Refuses the public demo password outside Development: it would give anyone an approver and an admin.</summary>
internal sealed class DemoOptionsValidator(IHostEnvironment environment) : IValidateOptions<DemoOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoOptions options) =>
        !environment.IsDevelopment() && options.SeedsDemo(environment) && options.Password == DemoOptions.PublicPassword
            ? ValidateOptionsResult.Fail(
                $"{DemoOptions.SectionName}:Seed is enabled outside Development with the public demo password; set {DemoOptions.SectionName}:Password to a secret.")
            : ValidateOptionsResult.Success;
}
