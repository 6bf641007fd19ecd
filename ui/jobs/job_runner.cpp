#include "jobs/job_runner.h"

#include <QFuture>
#include <QMetaObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace layerlens::ui {

struct JobRunner::Future
{
    QFuture<void> future;
};

JobRunner::JobRunner(int id, QString title, JobBody body, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_title(std::move(title))
    , m_body(std::move(body))
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
    , m_future(std::make_unique<Future>())
{
    qRegisterMetaType<layerlens::ui::JobReport>();
    qRegisterMetaType<layerlens::ui::JobOutcome>();
}

JobRunner::~JobRunner()
{
    cancel();
    wait();
}

void JobRunner::start()
{
    m_running = true;
    QPointer<JobRunner> self(this);
    auto cancelFlag = m_cancel;
    JobBody body = m_body;
    m_future->future = QtConcurrent::run([self, cancelFlag, body] {
        auto report = [self](const JobReport &r) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, r] {
                    if (self)
                        Q_EMIT self->reported(r);
                },
                Qt::QueuedConnection);
        };
        const JobOutcome outcome = body(report, [cancelFlag] { return cancelFlag->load(); });
        QMetaObject::invokeMethod(
            self.data(),
            [self, outcome] {
                if (!self)
                    return;
                self->m_running = false;
                Q_EMIT self->finished(outcome);
            },
            Qt::QueuedConnection);
    });
}

void JobRunner::cancel()
{
    m_cancel->store(true);
}

void JobRunner::wait()
{
    m_future->future.waitForFinished();
}

} // namespace layerlens::ui
