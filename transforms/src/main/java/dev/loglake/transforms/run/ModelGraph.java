package dev.loglake.transforms.run;

import static java.util.Objects.requireNonNull;

import dev.loglake.core.LoglakeException;
import dev.loglake.lake.model.Model;
import dev.loglake.lake.model.ModelCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs models as a graph: each as soon as every model of the graph it reads has finished, up to {@code concurrency}
 * at a time. A day's marts mostly read the facts and not each other, and each of their statements is bound by
 * Trino's fixed cost per statement (planning, metastore calls, commit), not by the cores: several at once finish
 * sooner than one after another. When a model fails, no new one starts; those running are let finish, and the
 * first failure is thrown.
 */
final class ModelGraph {
    private final ModelCatalog catalog;
    private final int concurrency;

    ModelGraph(ModelCatalog catalog, int concurrency) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.concurrency = concurrency;
    }

    /** Runs {@code job} for every model, each after the models of {@code models} it depends on. */
    void run(List<Model> models, Consumer<Model> job) {
        List<Model> order = catalog.ordered(models);
        Map<Model, Set<Model>> waitingFor = new HashMap<>();
        for (Model model : order) {
            Set<Model> dependencies = new LinkedHashSet<>(catalog.dependencies(model));
            dependencies.retainAll(order);
            waitingFor.put(model, dependencies);
        }
        if (concurrency == 1 || order.size() == 1) {
            order.forEach(job);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, order.size()), runnable -> {
            Thread thread = new Thread(runnable, "loglake-model");
            thread.setDaemon(true);
            return thread;
        });
        try {
            runOnPool(order, waitingFor, job, new ExecutorCompletionService<>(pool));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runOnPool(
            List<Model> order,
            Map<Model, Set<Model>> waitingFor,
            Consumer<Model> job,
            CompletionService<Model> completions) {
        List<Model> pending = new ArrayList<>(order);
        int running = 0;
        RuntimeException failure = null;
        while (true) {
            if (failure == null) {
                for (Model model : List.copyOf(pending)) {
                    if (waitingFor.get(model).isEmpty()) {
                        pending.remove(model);
                        completions.submit(() -> job.accept(model), model);
                        running++;
                    }
                }
            }
            if (running == 0) {
                break;
            }
            try {
                Future<Model> done = completions.take();
                running--;
                Model finished = done.get();
                waitingFor.values().forEach(dependencies -> dependencies.remove(finished));
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException runtime
                            ? runtime
                            : LoglakeException.internal("A model failed", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LoglakeException.external("Interrupted while the lake's models were running", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (!pending.isEmpty()) {
            throw LoglakeException.internal("Models never became ready to run: " + pending, null);
        }
    }
}
