// EXPECT: none. Transient -> job written back to a channel the consumer reads; others -> field queue (kept).
using System.Collections.Concurrent;
using System.Threading.Channels;
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Hosting;

namespace Trial4;

internal sealed class S27_SyncWorker(ICmsClient cms) : BackgroundService
{
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>();
    private readonly ConcurrentQueue<(Job Job, DatoCmsApiException Error)> _dead = new();

    public IReadOnlyCollection<(Job Job, DatoCmsApiException Error)> DeadLetters => _dead;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await cms.PublishAsync(job.ItemId, stoppingToken);
            }
            catch (DatoCmsApiException ex) when (ex.IsTransient)
            {
                await _jobs.Writer.WriteAsync(job with { Attempt = job.Attempt + 1 }, stoppingToken);
            }
            catch (DatoCmsApiException ex)
            {
                _dead.Enqueue((job, ex));
            }
        }
    }
}
