namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// What the range-checked setters of <see cref="DatoCmsRetryOptions"/> and <see cref="DatoCmsJobOptions"/>
    /// do with a value out of range. Options made in code throw at once, so the stack points at the
    /// line that set the value. The ones that the bindable options classes own (the <c>Retry</c> of
    /// <c>DatoCmsClientOptions</c>, the <c>Jobs</c> of <c>DatoCmsResilienceOptions</c>) keep the value
    /// they had and remember the rejected one here, for those classes' <c>Validate()</c>: the
    /// configuration binder fills them, and it passes a setter's exception on as a
    /// TargetInvocationException that names neither the key nor the client, where options validation
    /// names both, at the client's first use or at start-up (ValidateOnStart), as the options pattern does.
    /// </summary>
    internal sealed class DatoCmsRejectedSettings // always internal
    {
        private readonly global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>> _problems =
            new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();

        /// <summary>
        /// The value a setter stores: <paramref name="value"/> when it is valid; else, with <paramref name="deferred"/>
        /// null, an <see cref="global::System.ArgumentOutOfRangeException"/>, or the <paramref name="current"/> value
        /// with the rejected one remembered. A valid value forgets an option's earlier rejection, so a
        /// later setting (code after binding, say) wins as it would have.
        /// </summary>
        /// <typeparam name="T">The option's type.</typeparam>
        /// <param name="deferred">Where to remember a rejection; null to throw.</param>
        /// <param name="option">The option's name.</param>
        /// <param name="value">The value being set.</param>
        /// <param name="isValid">Whether the value is in range.</param>
        /// <param name="current">The value the option has.</param>
        /// <param name="rule">What the option accepts, as a sentence.</param>
        /// <returns>The value to store.</returns>
        public static T Check<T>(DatoCmsRejectedSettings? deferred, string option, T value, bool isValid, T current, string rule)
        {
            if (isValid)
            {
                deferred?.Forget(option);
                return value;
            }

            if (deferred is null)
            {
                // Named after the option, not the setter's "value": the message then says which one.
                throw new global::System.ArgumentOutOfRangeException(option, value, rule);
            }

            deferred.Forget(option);
            deferred._problems.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(
                option,
                string.Format(global::System.Globalization.CultureInfo.InvariantCulture, "{0} is {1}: {2}", option, value, rule)));
            return current;
        }

        /// <summary>Adds one sentence per rejected value, each option's name prefixed with <paramref name="path"/> ("Retry.", say).</summary>
        /// <param name="path">Where the options sit in the options class that validates them.</param>
        /// <param name="problems">The list of problems to extend.</param>
        public void AddTo(string path, global::System.Collections.Generic.List<string> problems)
        {
            foreach (var problem in _problems)
            {
                problems.Add(path + problem.Value);
            }
        }

        private void Forget(string option) => _problems.RemoveAll(problem => string.Equals(problem.Key, option, global::System.StringComparison.Ordinal));
    }
}
