namespace DatoCms.ErrorCodes
{
    /// <summary>Validates <see cref="DatoCmsResilienceOptions"/> when the options are first read, so a bad configuration fails with every problem named.</summary>
    internal sealed class DatoCmsResilienceOptionsValidator : global::Microsoft.Extensions.Options.IValidateOptions<DatoCmsResilienceOptions> // always internal
    {
        public global::Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, DatoCmsResilienceOptions options)
        {
            if (options is null)
            {
                return global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail("The DatoCMS resilience options are missing.");
            }

            var problems = options.Validate();
            return problems.Count == 0
                ? global::Microsoft.Extensions.Options.ValidateOptionsResult.Success
                : global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
        }
    }
}
