    /// <summary>Validates <see cref="DatoCmsResilienceOptions"/> when the options are first read, so a bad configuration fails with every problem named.</summary>
    $generated$
    internal sealed class DatoCmsResilienceOptionsValidator : global::Microsoft.Extensions.Options.IValidateOptions<global::DatoCms.ErrorCodes.DatoCmsResilienceOptions>
    {
        public global::Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, global::DatoCms.ErrorCodes.DatoCmsResilienceOptions options)
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
