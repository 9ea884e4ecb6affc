package dev.loglake.cli.generate;

import dev.loglake.core.LoglakeException;
import dev.loglake.core.config.LakeConfig;
import dev.loglake.core.config.Settings;
import dev.loglake.core.config.StackConfig;
import dev.loglake.generator.shop.ShopDatabaseTarget;
import dev.loglake.stack.LocalStack;
import dev.loglake.stack.ShopDatabase;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/** Where {@code generate} writes the shop: nowhere, the local stack's database shop, or a database given by flags. */
final class ShopTargets {
    private ShopTargets() {}

    static Optional<ShopDatabaseTarget> resolve(
            boolean localShop,
            String jdbcUrl,
            String user,
            String passwordVariable,
            Map<String, String> environment,
            Settings settings) {
        if (jdbcUrl == null) {
            if (user != null || passwordVariable != null) {
                throw LoglakeException.user("--shop-user and --shop-password-env go with --shop-jdbc-url.");
            }
            return localShop ? Optional.of(localStack(settings)) : Optional.empty();
        }
        if (localShop) {
            throw LoglakeException.user(
                    "Give --shop (the local stack's database) or --shop-jdbc-url (another one), not both.");
        }
        if (passwordVariable == null) {
            throw LoglakeException.user(
                    "--shop-jdbc-url needs --shop-password-env VAR: the variable with the password.");
        }
        String password = environment.get(passwordVariable);
        if (password == null) {
            throw LoglakeException.user(
                    "--shop-password-env names %s, which is not set in the environment.", passwordVariable);
        }
        return Optional.of(new ShopDatabaseTarget(jdbcUrl, user, password));
    }

    private static ShopDatabaseTarget localStack(Settings settings) {
        LocalStack stack = new LocalStack(StackConfig.from(settings), LakeConfig.from(settings));
        if (!Files.isRegularFile(stack.layout().shopCredentials())) {
            throw LoglakeException.user(
                    "--shop writes to the local stack's database shop, but %s has no %s: start the stack with"
                            + " ./loglake stack up, or give --shop-jdbc-url.",
                    stack.layout().root(), stack.layout().shopCredentials().getFileName());
        }
        return new ShopDatabaseTarget(
                stack.shopJdbcUrl(), ShopDatabase.USER, stack.shopDatabase().password());
    }
}
