// EXPECT: DATO002: consumer loop (await foreach) logs API errors and moves on.
using System.Threading.Channels;
using DatoCms.ErrorCodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Trial4;

internal sealed class T32_Consumer(ICmsClient cms, Channel<Job> jobs, ILogger<T32_Consumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await cms.PublishAsync(job.ItemId, stoppingToken);
            }
            catch (DatoCmsApiException ex)
            {
                logger.LogError(ex, "Job {Id} failed", job.ItemId);
                continue;
            }

            logger.LogInformation("Job {Id} done", job.ItemId);
        }
    }
}
