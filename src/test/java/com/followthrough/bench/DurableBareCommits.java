package com.followthrough.bench;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.transaction.TransactionExecution;

/**
 * The bare engine on an H2 file with the application's durable commits: after every engine command that may have
 * written (not a query), the same {@code database.DurableH2Commits} the application uses writes the commit to the file
 * (H2 {@code CHECKPOINT}, group commit) before the caller goes on. Without it the bare engine's H2 commits stay in
 * memory up to {@code WRITE_DELAY} (500 ms), which a {@code kill -9} loses (BENCHMARKS.md, issue 16): the comparison
 * then measures the durability the application promises as well as its code. The bare engine's standalone transaction
 * commits when its command context closes, inside this interceptor (placed before the context interceptor), so the
 * flush follows the commit as it does in the application.
 */
final class DurableBareCommits extends CommandInterceptor {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Object durableCommits;
    private final Method afterCommit;
    private final TransactionExecution committed;

    DurableBareCommits(DataSource dataSource) {
        try {
            Class<?> type = Class.forName("com.followthrough.database.DurableH2Commits");
            Constructor<?> constructor = type.getDeclaredConstructor(DataSource.class);
            constructor.setAccessible(true);
            durableCommits = constructor.newInstance(dataSource);
            afterCommit = type.getDeclaredMethod("afterCommit", TransactionExecution.class, Throwable.class);
            afterCommit.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("database.DurableH2Commits changed: " + e, e);
        }
        // A transaction that wrote: not read-only, not rolled back, completed.
        committed = (TransactionExecution) Proxy.newProxyInstance(TransactionExecution.class.getClassLoader(),
                new Class<?>[] {TransactionExecution.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCompleted", "isNewTransaction", "hasTransaction" -> true;
                    case "getTransactionName" -> "bare";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "bare engine command";
                    default -> method.getReturnType() == boolean.class ? false : null;
                });
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] depth = DEPTH.get();
        depth[0]++;
        T result;
        try {
            result = next.execute(command);
        } finally {
            depth[0]--;
        }
        if (depth[0] == 0 && !(command instanceof Query<?, ?>)) {
            try {
                afterCommit.invoke(durableCommits, committed, null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }
}
