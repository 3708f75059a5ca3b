namespace DatoCms.ErrorCodes
{
    /// <summary>Validates <see cref="DatoCmsResilienceOptions"/> when the options are first read, so a bad configuration fails with every problem named, and the client's name.</summary>
    internal sealed class DatoCmsResilienceOptionsValidator : global::Microsoft.Extensions.Options.IValidateOptions<DatoCmsResilienceOptions> // always internal
    {
        public global::Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, DatoCmsResilienceOptions options)
        {
            var client = "The DatoCMS resilience handler of client '" + name + "': ";
            if (options is null)
            {
                return global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail(client + "The options are missing.");
            }

            var problems = options.Validate();
            if (problems.Count == 0)
            {
                // Configured and valid: from now on a value out of range set in code throws, as it
                // would on options made in code, rather than being remembered unseen.
                options.Jobs?.RejectAtOnce();
                return global::Microsoft.Extensions.Options.ValidateOptionsResult.Success;
            }

            var failures = new global::System.Collections.Generic.List<string>(problems.Count);
            foreach (var problem in problems)
            {
                failures.Add(client + problem);
            }

            return global::Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
        }
    }
}
