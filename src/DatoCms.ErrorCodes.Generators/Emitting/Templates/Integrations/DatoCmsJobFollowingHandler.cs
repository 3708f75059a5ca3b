namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Follows an asynchronous job for <c>AddDatoCmsResilienceHandler</c>: placed in front of the
    /// resilience handler, it turns a 202 that started a job into the job's result, and each poll
    /// goes through the same pipeline (retry, throttle, timeouts) as any request.
    /// </summary>
    internal sealed class DatoCmsJobFollowingHandler : global::System.Net.Http.DelegatingHandler // always internal
    {
        private readonly DatoCmsResilienceOptions _options;

        public DatoCmsJobFollowingHandler(DatoCmsResilienceOptions options)
        {
            _options = options;
        }

        protected override async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(
            global::System.Net.Http.HttpRequestMessage request,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!_options.FollowJobs || (int)response.StatusCode != 202 || DatoCmsHttpResponseExtensions.IsJobResult(request))
            {
                return response;
            }

            return await DatoCmsJobFollower.FollowAsync(response, (poll, token) => base.SendAsync(poll, token), _options.Jobs, cancellationToken).ConfigureAwait(false);
        }
    }
}
